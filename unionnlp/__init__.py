"""unionnlp: Chinese trade-union news → research data."""
from .records import Article, Campaign, Organization, Page, Place, Record, Statistic, records_to_frames

__version__ = "0.1.0"
