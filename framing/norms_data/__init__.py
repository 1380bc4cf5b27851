"""Shipped reference norms (aggregate numbers only), read with ``framing.norms.load_norms("default")``.

``bbc.json``: the BBC News dataset of Greene and Cunningham (ICML 2006); how it was built is in
``docs/corpus.md`` and in the file's own ``command`` field.
"""
