"""Record model: JSON round trip, evidence, DataFrames."""
import json

from unionnlp.records import Campaign, ErrorEntry, Organization, Place, Record, Statistic
from unionnlp.schema import records_to_frames


def _record():
    text = "扬州市总工会推进“三培养工程”,2019年全市职工入会率达99%。"
    return Record(
        source="a.txt", text=text, published="2020-11-26",
        place=Place(name="扬州市", canonical="江苏省扬州市", level="city", adcode="321000"),
        places=[Place(name="扬州市", canonical="江苏省扬州市", level="city", adcode="321000", start=0, end=3,
                      parents=["江苏省"])],
        organizations=[Organization(name="扬州市总工会", canonical="扬州市总工会", kind="union", start=0, end=6)],
        campaigns=[Campaign(name="三培养工程", kind="program", start=9, end=14)],
        statistics=[Statistic(value=99.0, unit="%", metric="职工入会率", kind="actual", year=2019,
                              text="职工入会率达99%", start=text.index("职工入会率"), end=text.index("%") + 1)],
        errors=[ErrorEntry("parse", "example", "x")],
    )


def test_json_round_trip_and_key_order():
    r = _record()
    d = json.loads(r.to_json())
    assert list(d) == ["source", "url", "title", "published", "outlet", "author", "editor", "text",
                       "place", "places", "organizations", "campaigns", "statistics", "events", "errors",
                       "id", "meta"]
    back = Record.from_json(r.to_json())
    assert back == r
    assert back.evidence(back.statistics[0]) == "职工入会率达99%"
    assert back.evidence(back.campaigns[0]) == "三培养工程"


def test_id_is_stable_and_depends_on_source():
    assert _record().id == _record().id
    assert Record(source="b.txt").id != Record(source="a.txt").id


def test_frames():
    frames = records_to_frames([_record(), Record(source="empty.txt")])
    assert len(frames["articles"]) == 2
    assert frames["statistics"].loc[0, "metric"] == "职工入会率"
    assert frames["statistics"].loc[0, "article_id"] == _record().id
    assert list(frames["campaigns"]["name"]) == ["三培养工程"]
    assert len(frames["errors"]) == 1
