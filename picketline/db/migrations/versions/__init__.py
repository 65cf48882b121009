"""One module per schema revision (a package so that installs ship the files)."""
