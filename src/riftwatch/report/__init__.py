"""The rift report: one self-contained HTML file, plus SVG charts for papers and slides."""

from riftwatch.report.html import ReportFiles, write_report

__all__ = ["ReportFiles", "write_report"]
