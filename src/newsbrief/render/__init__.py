"""Render a Brief: Markdown for people, JSON for programs (the web UI adds HTML)."""

from __future__ import annotations

from newsbrief.render.json import brief_from_dict, brief_to_dict, render_json
from newsbrief.render.markdown import render_markdown

__all__ = ["brief_from_dict", "brief_to_dict", "render_json", "render_markdown"]
