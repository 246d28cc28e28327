"""Month names as written in news text, for the rules that read dates (the timeline) and the
ones that must recognise a date to set it aside (speakers: "X, Aug. 1: “…”")."""

#: A month's name, full or abbreviated with an optional dot ("August", "Aug.", "Sept"), as a
#: regular expression without a group.
MONTH_WORDS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
