"""Writers turn a Draft into a file: .docx (GB/T 9704), Markdown or plain text."""
