"""The versioned JSON API (``/api/v1``), documented by its OpenAPI schema."""
