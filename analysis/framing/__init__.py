"""Framing measures: distinctive terms (`terms`, with house style and names set apart by
`style`), frames (`frames`: the general lexicon shipped in `data/frames.yml` plus a corpus's
`frames.yml`), word choice in shared statements (`wording`), headline and lead (`lead`), tone
(`tone`); `tokens` says whose words each token is. See docs/framing.md."""
