"""drafter — 离线年度工作总结起草助手 (an offline drafting assistant for year-end work summaries)."""

__version__ = "0.1.0"
