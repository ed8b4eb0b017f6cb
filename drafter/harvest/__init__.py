"""Reading facts back out of text: last year's report → a fact sheet (`drafter extract`), and an
edited draft against its sheet (`drafter check`).  `grammar` is the figure grammar shared by both."""
