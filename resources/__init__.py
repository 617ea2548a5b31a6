"""ChangeWatch's data: the catalog, sample CloudTrail events, translations and icons.

A package only so that importlib.resources finds it the same way in a checkout and in the
installed wheel; read it through aws/resources.py.
"""
