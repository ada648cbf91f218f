"""Reports of a plan, all drawn from one side-by-side comparison of its environments.

- ``comparison``: the comparison itself (sections of rows, a cell and a reason per
  environment) and its JSON form; it builds on the plan only.
- ``text``, ``markdown``, ``html``: renderers of a comparison (``html`` also gives the
  notebook display of plans and comparisons).
- ``helm``: a Helm values overlay from one environment's plan.

The renderers import ``comparison``, never the reverse; the notebook display
(``_repr_html_``) of a ``Comparison`` is attached by ``tierplan._presentation``.
"""
