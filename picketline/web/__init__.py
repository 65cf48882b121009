"""The web layer: public pages and the JSON API over the same read calls.

Nothing here writes a table: reads go through ``picketline.db``; writes (later)
through ``picketline.actions``. The app is built by ``create_app`` so tests and
``picketline serve`` each get their own, bound to their own database.
"""
