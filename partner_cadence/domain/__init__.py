"""The sales methodology of DOMAIN.md as pure Python.

Nothing here imports odoo or reads the clock: models pass plain values and ``today`` in and
get plain values back, so every rule is tested without a database and read in one place.
"""
