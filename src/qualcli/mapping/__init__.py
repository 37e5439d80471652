"""Mapping units to units and units to NOS, with the evidence behind each pair.

- :mod:`.units`: the units of loaded documents, flattened for mapping.
- :mod:`.similarity`: TF-IDF criterion vectors and blockwise coverage counts.
- :mod:`.evidence`: explicit evidence (Ofqual reference, same content, printed mappings, NOS).
- :mod:`.relations`: unit-to-unit pairs with a relation F/X/P/none and a score.
- :mod:`.nos_map`: unit-to-NOS pairs, explicit or inferred.
- :mod:`.explain`: the criterion pairs behind one cell.
- :mod:`.overrides`: curated decisions and ``--update`` candidates.
- :mod:`.exporters`: csv, csv-matrix, xlsx, json and markdown output.
"""
