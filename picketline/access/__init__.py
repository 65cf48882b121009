"""Access to private data: encryption of sensitive fields (roles come in issue #5)."""
