"""Everything of the explainer that knows MkDocs, Material for MkDocs and mkdocs-static-i18n.

The generator (the rest of the package) writes Markdown pages and never imports this package;
this package builds the site from them: the MkDocs plugin (:mod:`.plugin`, with its configuration
schema in :mod:`.config`), the per-language builds and their merge (:mod:`.build`, each build's process :mod:`.process`), the live preview (:mod:`.preview`,
:mod:`.serving`, :mod:`.splice`), the search
index (:mod:`.search`), the MkDocs half of pre-rendering (:mod:`.skeleton`), the navigation
(:mod:`.nav`), the site's layout as the checks see it (:mod:`.layout`), and every use of another
library's internals (:mod:`.compat`). Moving the site to another engine is this package's work.
"""
