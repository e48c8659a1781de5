"""From raw bytes to clean article blocks: decoding, scraped-text and HTML extraction,
boilerplate recognition. The `clean.*` stages in khabar.stages.read put these together."""
