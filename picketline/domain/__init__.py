"""The pure domain core: dataclasses and enums, no I/O.

Everything here can be imported by any layer; nothing here imports from
another Picketline layer.
"""
