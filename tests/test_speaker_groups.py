"""Speaker groups without `actors.yml`: by entity type, with a line saying how to add one."""

from __future__ import annotations

from analysis.quotes import describe_groups, group_speakers, read_actors
from tests.conftest import CORPUS


def test_speakers_are_grouped_by_entity_type_without_actors(tables, tmp_path) -> None:
    assert read_actors(tmp_path / "actors.yml") == {}
    groups = group_speakers(tables.quotes, {}, entities=tables.entities)
    by_speaker = dict(zip(tables.quotes.speaker, groups, strict=True))
    # Oksana Pokalchuk, head of Amnesty's Ukraine office, is a person; Amnesty International an
    # organisation; quotes without a speaker stay "speaker not stated".
    assert by_speaker["Oksana Pokalchuk"] == "person"
    assert by_speaker["Amnesty International"] == "organisation"
    assert set(groups[tables.quotes.speaker.isna()]) <= {"speaker not stated"}
    message = describe_groups({}, tmp_path / "actors.yml")
    assert message.startswith("No actors.yml in the corpus: speakers are grouped by entity type")
    assert "government: [Jane Doe, Ministry of Defence]" in message
    actors = read_actors(CORPUS / "actors.yml")
    assert describe_groups(actors, CORPUS / "actors.yml").startswith("Speaker groups: actors.yml")
    # With actors, the entities are not used.
    assert list(group_speakers(tables.quotes, actors, entities=tables.entities)) == list(
        group_speakers(tables.quotes, actors)
    )
