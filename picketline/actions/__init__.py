"""Every state change: one ``do_*`` function per change, owning its transaction
and writing its audit-log entry inside it, so no change escapes the history."""
