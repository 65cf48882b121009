"""Publishing: what the public site, feeds, exports and the static mirror are made from."""
