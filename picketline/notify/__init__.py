"""Telling people things: the mail outbox, SMTP delivery and signed single-use tokens.

- ``outbox.queue_email`` stores a message (encrypted) inside the caller's
  transaction; ``outbox.deliver_due`` sends what is due and retries the rest,
  so a mail server that is down loses nothing.
- ``smtp`` turns ``PICKETLINE_SMTP_URL`` into a connection (STARTTLS, AUTH).
- ``tokens`` makes and checks the links in emails: signed, expiring,
  bound to one purpose, and spent once (``used_tokens``).
"""
