"""Framing measures: distinctive terms (`term_counts` counts them per sentence, `terms` scores and
ranks them, with house style and names set apart by `style`), frames (`frames`: the general
lexicon shipped in `data/frames.yml` plus a corpus's `frames.yml`), word choice in shared
statements (`wording`), headline and lead (`lead`), tone (`tone`); `tokens` says whose words
each token is. See docs/framing.md."""
