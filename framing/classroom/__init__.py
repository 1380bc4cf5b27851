"""Classroom mode: worksheets, answer keys, two stories side by side, and checking a student's highlights.

>>> import framing
>>> from framing.classroom import build_worksheet
>>> ws = build_worksheet([framing.score("Critics slammed the so-called reform.")], grade="6-8")
>>> [it.text for it in ws.articles[0].items if it.kind == "loaded"]
['slammed']
"""
from .check import CheckResult, check_answers, read_answers, read_key
from .compare import Comparison, compare_reports
from .exercises import rewrite_change
from .grades import GRADES
from .worksheet import EXERCISES, Worksheet, build_worksheet, write_worksheet

__all__ = ["EXERCISES", "GRADES", "CheckResult", "Comparison", "Worksheet", "build_worksheet", "check_answers", "compare_reports",
           "read_answers", "read_key", "rewrite_change", "write_worksheet"]  # fmt: skip
