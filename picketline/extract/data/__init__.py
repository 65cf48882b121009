"""Hand-made place data and the builder of the gazetteer index."""
