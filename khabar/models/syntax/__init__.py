"""The dependency parser (train/syntax/train_parser.py); CC BY-SA 3.0, trained on Arabic PUD (docs/syntax-parser.md)."""
