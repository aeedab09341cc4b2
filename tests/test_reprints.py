"""Reprint clusters on edited copies of short articles written for these tests."""
from unionnlp.records import Record
from unionnlp.reprints import ReprintIndex, find_reprints, shingles, signature

STORY_A = (
    "本报讯 近日，临江市总工会召开全市工会系统“当好主力军、建功新时代”劳动竞赛推进会。"
    "会议总结了上半年竞赛开展情况，全市共有一百二十八家企业参加竞赛，覆盖职工三万六千余人。"
    "会上，五家企业工会作了交流发言，介绍了开展技能比武、合理化建议和班组创新的做法。"
    "市总工会负责人要求，各级工会要把劳动竞赛向重点工程、重点项目延伸，"
    "推动竞赛成果转化为企业效益和职工收入，下半年要新建职工创新工作室十家。"
)

# 转载: new lead-in, a sentence dropped, an editor line added, punctuation and spacing changed
STORY_A_COPY = (
    "来源：临江日报  近日, 临江市总工会召开全市工会系统“当好主力军、建功新时代”劳动竞赛推进会。"
    "会议总结了上半年竞赛开展情况, 全市共有一百二十八家企业参加竞赛, 覆盖职工三万六千余人。"
    "市总工会负责人要求，各级工会要把劳动竞赛向重点工程、重点项目延伸，"
    "推动竞赛成果转化为企业效益和职工收入，下半年要新建职工创新工作室十家。（责任编辑：李晓）"
)

# a second copy with a changed number and a short added sentence
STORY_A_COPY2 = (
    "近日，临江市总工会召开全市工会系统“当好主力军、建功新时代”劳动竞赛推进会。"
    "会议总结了上半年竞赛开展情况，全市共有一百三十家企业参加竞赛，覆盖职工三万六千余人。"
    "会上，五家企业工会作了交流发言，介绍了开展技能比武、合理化建议和班组创新的做法。"
    "市总工会负责人要求，各级工会要把劳动竞赛向重点工程、重点项目延伸，"
    "推动竞赛成果转化为企业效益和职工收入，下半年要新建职工创新工作室十家。记者 周明"
)

# same genre, same organisation, different story: must not be merged
STORY_B = (
    "本报讯 临江市总工会日前启动“金秋助学”活动，今年计划资助困难职工家庭子女四百名。"
    "活动面向全市建档困难职工家庭中当年考入高校的新生，每人一次性发放助学金五千元。"
    "申请人可通过所在单位工会或职工服务中心提交材料，经基层工会审核、公示后发放。"
    "市总工会还联合爱心企业设立助学专项资金，为受助学生提供假期实习岗位。"
)

STORY_C = (
    "河阳县总工会近日举办新就业形态劳动者入会集中行动，快递员、外卖送餐员、网约车司机等"
    "二百余人现场填写入会申请。县总工会为新入会会员发放了工会会员卡和夏季慰问品，"
    "并介绍了职工法律援助、免费体检和子女托管等服务项目，鼓励大家遇到困难找工会。"
)


def _rec(source, text, published):
    return Record(source=source, url=f"http://example.org/{source}", text=text, published=published)


def test_edited_copies_cluster_with_earliest_canonical():
    a = _rec("a", STORY_A, "2023-07-02")
    a1 = _rec("a1", STORY_A_COPY, "2023-07-03")
    a2 = _rec("a2", STORY_A_COPY2, "2023-07-01")  # published earliest: canonical
    b = _rec("b", STORY_B, "2023-07-02")
    c = _rec("c", STORY_C, None)
    res = find_reprints([a, b, a1, c, a2])
    assert set(res) == {a.id, a1.id, a2.id, b.id, c.id}
    assert res[a.id] == (a2.id, False)
    assert res[a1.id] == (a2.id, False)
    assert res[a2.id] == (a2.id, True)
    assert res[b.id] == (b.id, True)
    assert res[c.id] == (c.id, True)


def test_ties_and_undated_copies():
    a = _rec("a", STORY_A, None)
    a1 = _rec("a1", STORY_A_COPY, None)
    res = find_reprints([a.to_dict(), a1.to_dict()])
    first = min(a.id, a1.id)
    assert res[a.id][0] == res[a1.id][0] == first
    assert res[first][1] is True
    # a dated copy beats undated ones
    a2 = _rec("a2", STORY_A_COPY2, "2024-01-01")
    res = find_reprints([a, a1, a2])
    assert res[a.id] == (a2.id, False) and res[a2.id] == (a2.id, True)


def test_short_and_empty_texts_stay_alone():
    x = _rec("x", "工会", "2023-01-01")
    y = _rec("y", "工会", "2023-01-02")
    z = _rec("z", "", None)
    res = find_reprints([x, y, z])
    assert res == {x.id: (x.id, True), y.id: (y.id, True), z.id: (z.id, True)}
    assert signature("工会") is None


def test_shingles_ignore_spacing_and_punctuation():
    assert shingles("临江市 总工会，召开会议") == shingles("临江市总工会召开会议")
    assert shingles("") == set()


def test_index_streams_signatures_and_duplicate_ids():
    idx = ReprintIndex()
    sig = signature(STORY_A)
    idx.add("p", None, "2023-01-05", sig=sig)
    idx.add("q", STORY_A_COPY, "2023-01-04")
    idx.add("q", STORY_B, "2020-01-01")  # same id again: ignored
    assert len(idx) == 2
    assert idx.clusters() == {"p": ("q", False), "q": ("q", True)}
    table = idx.to_arrow()
    assert table.column("cluster_size").to_pylist() == [2, 2]


def test_banding_and_estimates_agree_with_datasketch():
    from datasketch import MinHash, MinHashLSH

    from unionnlp.reprints import NUM_PERM, _bands

    for threshold, num_perm in [(0.5, 128), (0.3, 128), (0.8, 64)]:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert _bands(threshold, num_perm) == (lsh.b, lsh.r)
    # our vectorised signatures estimate Jaccard as well as datasketch's MinHash does
    pairs = [(STORY_A, STORY_A_COPY), (STORY_A, STORY_A_COPY2), (STORY_A, STORY_B)]
    for x, y in pairs:
        sx, sy = shingles(x), shingles(y)
        true = len(sx & sy) / len(sx | sy)
        ours = float((signature(x) == signature(y)).mean())
        mx, my = MinHash(num_perm=NUM_PERM), MinHash(num_perm=NUM_PERM)
        mx.update_batch(list(sx))
        my.update_batch(list(sy))
        assert abs(ours - true) < 0.15 and abs(mx.jaccard(my) - true) < 0.15


def edited_copies(story: str, n: int, seed: int = 5) -> list:
    """``n`` lightly edited copies of ``story``: a lead-in, an editor line and two characters
    changed, as sites do when they reprint (转载)."""
    import random

    rng = random.Random(seed)
    sources = ["工人日报", "临江日报", "河阳新闻网", "东湖工会网", "南溪在线"]
    editors = ["李晓", "周明", "王一", "陈红", "赵刚"]
    copies = []
    for i in range(n):
        chars = list(story)
        for _ in range(2):
            chars[rng.randrange(len(chars))] = rng.choice("的了在和是有")
        copies.append(f"来源：{rng.choice(sources)} " + "".join(chars)
                      + f"（责任编辑：{rng.choice(editors)}，第{i}稿）")
    return copies


def _comparisons(texts) -> int:
    idx = ReprintIndex()
    for i, t in enumerate(texts):
        idx.add(f"d{i:05d}", t, f"2023-07-{1 + i % 28:02d}")
    clusters = idx.clusters()
    return idx.comparisons_, clusters


def test_many_copies_of_one_story_cost_linear_work():
    """Each new copy is checked against a few representatives, not against every earlier copy
    (which made 8,000 copies take 16 s and 20,000 never finish)."""
    small, big = 300, 1200
    copies = edited_copies(STORY_A, big)
    work_small, clusters_small = _comparisons(copies[:small])
    work_big, clusters = _comparisons(copies)
    assert len({c for c, _ in clusters.values()}) == 1  # one story, one cluster
    assert sum(canon for _, canon in clusters.values()) == 1
    assert clusters["d00000"] == ("d00000", True)  # earliest published (ties by id)
    # a few representatives per LSH band (25 bands here), not the ~600 earlier copies each
    assert work_big <= 30 * big, f"{work_big} signature comparisons for {big} copies"
    # linear: 4x the copies, about 4x the work (all pairs would be 16x)
    assert work_big <= 6 * work_small, (work_small, work_big)


def test_copies_of_several_stories_stay_apart():
    stories = [STORY_A, STORY_B, STORY_C]
    texts = [t for k, s in enumerate(stories) for t in edited_copies(s, 40, seed=k)]
    _, clusters = _comparisons(texts)
    by_story = [{clusters[f"d{40 * k + i:05d}"][0] for i in range(40)} for k in range(3)]
    assert all(len(ids) == 1 for ids in by_story), by_story
    assert len(set.union(*by_story)) == 3
