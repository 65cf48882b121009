"""Resolution: near-duplicate documents, same-struggle matching, merging with provenance.

Everything here is pure (no database): storage and actions call these
functions and persist what they return.
"""
