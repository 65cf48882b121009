"""Server-rendered public pages: readable without JavaScript, escaped by default."""
