"""Picketline: a verified record of workers' struggles, and solidarity with them."""

__version__ = "0.1.0"
