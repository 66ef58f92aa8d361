"""cluster: group articles into stories.

``StoryClusterer.add`` assigns one article at a time (incremental, time-aware);
``StoryClusterer.add_batch`` and ``cluster_articles`` cluster a whole batch at once.
"""

from __future__ import annotations

from newsbrief.cluster.features import article_terms, sentence_keys
from newsbrief.cluster.online import StoryClusterer, cluster_articles

__all__ = ["StoryClusterer", "article_terms", "cluster_articles", "sentence_keys"]
