"""Speaker attribution for direct quotes.

Works on plain data (offsets, mentions, entities), so it is testable without spaCy. The
patterns are the ones reporters use: "X said", "said X", "X told Marca:", a descriptor ("the
Spaniard added"), a pronoun ("he added"), a colon introduction in the previous paragraph, and
the convention that a quote-only paragraph continues the previous speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .entities import Entity, Mention
from .kb import cues
from .quotes import QuoteSpan, quote_key
from .text import Segment


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # entity key of a person
    cue: str | None
    medium: str | None
    source: str | None  # entity key of a club speaking through a statement
    how: str  # after | before | colon | pronoun | continued | none


@dataclass(frozen=True)
class _Rx:
    after_inverted: re.Pattern[str]
    after_subject: re.Pattern[str]
    before: re.Pattern[str]
    according: re.Pattern[str]
    medium: re.Pattern[str]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    verbs = "|".join(re.escape(v) for v in sorted(cues()["speech_verbs"], key=len, reverse=True))
    return _Rx(
        after_inverted=re.compile(rf"\s*[,—–-]?\s*(?P<verb>(?-i:{verbs}))\s+(?P<subj>[^,.;:!?“”\"]{{1,90}})", re.I),
        after_subject=re.compile(rf"\s*[,—–-]?\s*(?P<subj>[^.;!?“”\"]{{1,110}}?)\s+(?:has\s+|had\s+|then\s+|later\s+|also\s+|previously\s+|once\s+)?(?P<verb>(?-i:{verbs}))\b", re.I),  # noqa: E501
        before=re.compile(
            rf"(?P<subj>[^.;!?“”\"]{{0,140}}?)\s+(?:has\s+|had\s+|then\s+|also\s+|previously\s+)?(?P<verb>(?-i:{verbs}))\b(?P<rest>[^:“”\"]{{0,80}}?)\s*[:,—–]\s*$", re.I),  # noqa: E501
        # "according to his agent, Marcos Teles Cardoso": the name after a role
        according=re.compile(r"\baccording to\s+(?:(?:his|her|their|the)\s+[\w’' -]{1,30}?,\s*)?"
                             r"(?P<subj>[^,.;:“”\"]{1,80})", re.I),
        medium=re.compile(r"\b(?:told|to|in an interview with|speaking to|speaking on|on|in)\s+(?P<m>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})"),  # noqa: E501
    )


@lru_cache(maxsize=1)
def _speech_before() -> re.Pattern[str]:
    """A speech verb in lower case, or its -ing form ("limiting himself to saying")."""
    verbs = [*cues()["speech_verbs"], *cues().get("speech_verbs_ing", [])]
    return re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))})\b")


@lru_cache(maxsize=1)
def _anonymous() -> re.Pattern[str]:
    words = "|".join(map(re.escape, cues().get("anonymous_speakers", [])))
    return re.compile(rf"(?:^|\W)(?:{words})\b", re.I)


_PRONOUN = re.compile(r"^(?:he|she|they)$", re.I)


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    c = cues()
    roles = [*c["player_roles"], *(w for ws in c["staff_roles"].values() for w in ws)]
    role = "|".join(re.escape(r) for r in sorted(set(roles), key=len, reverse=True))
    return re.compile(
        r"(?:(?:but|and|yet|so|still|meanwhile|now|then|however|instead),?\s+)?"
        r"(?:(?:[A-Z][a-z]+(?:ed|ing)|When|After|Before|While|Although|Though|Despite|Following|Since|On|In|As)"
        r"\b[^.;:!?]*,\s*)?"
        # "Palmeiras coach", "Head coach", "Meireles' agent,", "The club's president,"
        rf"(?:(?:the\s+)?(?:[\w.’'-]+\s+){{0,3}}?(?:{role})(?:\s*,)?\s+)?",
        re.I,
    )


def _subject_position(text: str, sentence_start: int, pos: int) -> bool:
    """Whether a name at ``pos`` opens its clause as the subject: sentence-initial, after "But",
    after an opening clause ("Asked about his future, Whitfield laughed") or a role ("Palmeiras
    coach Sérgio Maia", "Meireles' agent, Paulo Cordeiro")."""
    return _lead_in().fullmatch(text[sentence_start:pos].lstrip(" \t\n\"“‘'")) is not None


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "’s") or text[end:end + 2] in ("' ", "’ ")


def _qa_intro(text: str, para_start: int, open_mark: int) -> str | None:
    """ "Q:" or "A:" when a quote opens right after such a label at the start of its line."""
    line = text[max(para_start, text.rfind("\n", 0, open_mark) + 1):open_mark]
    m = re.fullmatch(r"\s*([QA])\s*:\s*", line)
    return m.group(1) + ":" if m else None


def _unsure(m: Mention, entities: dict[str, Entity]) -> bool:
    """A descriptor whose reading the entity step did not commit to (not among the person's mentions)."""
    ent = entities.get(m.key)
    return m.form == "descriptor" and (ent is None or all(x.start != m.start for x in ent.mentions))


def _first_in(mentions: list[Mention], a: int, b: int, last: bool = False) -> Mention | None:
    found = [m for m in mentions if a <= m.start and m.end <= b]
    return (found[-1] if last else found[0]) if found else None


def attribute_quotes(text: str, quotes: list[QuoteSpan], speech: list[bool], sentences: list[Segment],
                     paragraphs: list[Segment], people: list[Mention], clubs: list[Mention],
                     outlets: list[tuple[int, int, str, str]], entities: dict[str, Entity]) -> list[Attribution]:
    """One attribution per quote (non-speech quotes get an empty one)."""
    rx = _rx()
    out: list[Attribution] = []
    group_attr: dict[int, Attribution] = {}
    last_speaker: tuple[str, int] | None = None  # (key, paragraph)

    def sent_of(pos: int) -> Segment | None:
        return next((s for s in sentences if s.start <= pos < s.end), None)

    anonymous = _anonymous()
    in_quotes = [(o.open_mark, o.close_mark if o.close_mark is not None else o.end) for o in quotes]
    used: list[Mention] = []  # the named person the last subject reading chose (a holder, not `nonlocal`)

    def subjects(a: int, b: int) -> list[Mention]:
        """Named people in subject position in [a, b), outside quotes, not possessives."""
        return [m for m in people if a <= m.start < b and m.form != "descriptor"
                and not any(x <= m.start <= y for x, y in in_quotes) and not _possessive(text, m.end)
                and _subject_position(text, (sent_of(m.start) or paragraphs[0]).start, m.start)]

    def interviewee(qi: int) -> str | None:
        """The person answering in a Q&A: the latest speaker, else the latest person the
        paragraphs before are about."""
        if last_speaker:
            return last_speaker[0]
        for pi in range(quotes[qi].paragraph - 1, -1, -1):
            found = subjects(paragraphs[pi].start, paragraphs[pi].end)
            if found:
                return found[-1].key
        return None

    def topic(qi: int) -> str | None:
        q = quotes[qi]
        para = paragraphs[q.paragraph]
        here = subjects(para.start, q.open_mark)
        if here:
            return here[0].key
        if q.paragraph > 0 and not text[para.start:q.open_mark].strip():
            prev = paragraphs[q.paragraph - 1]
            if not any(speech[i] and o.paragraph == q.paragraph - 1 for i, o in enumerate(quotes)):
                there = subjects(prev.start, prev.end)
                if there:
                    return there[-1].key
        return None

    def subject(a: int, b: int, *, last: bool) -> tuple[str | None, str | None, str]:
        """(person key, club key, how) for a subject region [a, b)."""
        region = text[a:b]
        if anonymous.match(region.strip()) or (anonymous.search(region[-60:]) and not _first_in(
                [m for m in people if m.form != "descriptor"], a, b)):
            return None, None, "anonymous"
        words = text[a:b].strip().split()
        if last and words and _PRONOUN.match(words[-1].strip(",")):
            return "<pronoun>", None, "pronoun"  # "Asked about Gyokeres, he said:"
        m = _first_in(people, a, b, last=last)
        if m is not None and last:
            # "Rafaela Pimenta, the agent of Erling Haaland, told Kicker:": the clause's subject
            m = next((x for x in subjects(a, b) if not _possessive(text, x.end)), m)
        if m is not None:
            used[:] = [m]
            return m.key, None, "name"
        if words and _PRONOUN.match(words[-1 if last else 0].strip(",")):
            return "<pronoun>", None, "pronoun"
        if any(_PRONOUN.match(w.strip(",")) for w in words[:3]):
            return "<pronoun>", None, "pronoun"
        c = _first_in(clubs, a, b, last=last)
        if c is not None:
            return None, c.key, "club"
        return None, None, "none"

    def medium_in(a: int, b: int) -> str | None:
        for s, e, cat, name in outlets:
            if a <= s and e <= b and cat in ("outlet", "agency", "journalist"):
                return name
        m = rx.medium.search(text, a, b)
        if m and re.search(r"\btold\b", text[a:m.end()]):
            return m.group("m")
        return None

    for qi, q in enumerate(quotes):
        if not speech[qi]:
            out.append(Attribution(None, None, None, None, "none"))
            continue
        if q.part > 0 and q.group in group_attr and group_attr[q.group].how != "none":
            prev = group_attr[q.group]
            out.append(Attribution(prev.speaker, prev.cue, prev.medium, prev.source, "continued"))
            if prev.speaker:
                last_speaker = (prev.speaker, q.paragraph)
            continue
        qa = q.mark if q.mark in ("Q:", "A:") else _qa_intro(text, paragraphs[q.paragraph].start, q.open_mark)
        if qa:  # an interview transcript: the question is the interviewer's, the answer the interviewee's
            who = interviewee(qi) if qa == "A:" else None
            attr = Attribution(who, None, None, None, "qa" if who else "none")
            group_attr[q.group] = attr
            out.append(attr)
            continue
        key = club = cue = medium = None
        how = "none"
        used.clear()
        # 1. after the closing mark, up to the end of its sentence
        if q.close_mark is not None:
            s = sent_of(q.close_mark)
            if s and s.end <= q.close_mark + 1 and text[q.close_mark - 1:q.close_mark] in "!?":
                s = sent_of(s.end + 1) or s  # '"... let's go!" Joao Pedro wrote': the cue is the next sentence
            end = s.end if s else min(len(text), q.close_mark + 150)
            nxt = next((o.open_mark for o in quotes if o.open_mark > q.close_mark), end)
            end = min(end, nxt)
            a = q.close_mark + 1
            m = rx.after_inverted.match(text, a, end)
            if m:
                key, club, how = subject(m.start("subj"), m.end("subj"), last=False)
                cue = m.group("verb")
            if how == "none":
                m = rx.after_subject.match(text, a, end)
                if m:
                    key, club, how = subject(m.start("subj"), m.end("subj"), last=True)
                    cue = m.group("verb")
            if how != "none":
                medium = medium_in(a, end)
        # 2. before the opening mark, within its sentence or paragraph
        if how == "none":
            para = paragraphs[q.paragraph]
            prev_q = max((o.close_mark for o in quotes
                          if o.close_mark is not None and para.start <= o.close_mark < q.open_mark), default=None)
            a = prev_q + 1 if prev_q is not None else para.start
            # the pattern ends in a colon, comma or dash right before the mark: only then worth the search
            ends_right = text[a:q.open_mark].rstrip()[-1:] in (":", ",", "—", "–")
            m = rx.before.search(text, a, q.open_mark) if ends_right else None
            if (m and m.end() == q.open_mark) or (m and not text[m.end():q.open_mark].strip()):
                key, club, how = subject(m.start("subj"), m.end("subj"), last=True)
                cue = m.group("verb")
                medium = medium_in(m.start("verb"), q.open_mark)
            if how == "none":  # "Jarrod Whitfield: “I want...”" (a headline, a Q&A)
                intro = text[a:q.open_mark].rstrip()
                named = _first_in([p for p in people if p.form != "descriptor"], a, q.open_mark, last=True)
                sent = sent_of(q.open_mark - 1) or para
                if intro.endswith(":") and named and not text[named.end:a + len(intro) - 1].strip():
                    key, how = named.key, "colon"
                elif intro.endswith(":") or _speech_before().search(text, max(a, sent.start), q.open_mark):
                    # "X declined to comment, limiting himself to saying:", "X, who had insisted
                    # that he would not leave 'for a cent less', defended the decision"
                    named_subjects = subjects(max(a, sent.start), q.open_mark)
                    if named_subjects:
                        key, how = named_subjects[0].key, "name"
            if how == "none":
                m = rx.according.search(text, a, q.open_mark)
                if m is None and q.close_mark is not None:
                    m = rx.according.search(text, q.close_mark, (sent_of(q.close_mark) or para).end)
                if m:
                    key, club, how = subject(m.start("subj"), m.end("subj"), last=False)
                    cue = "according to"
        # 3. a colon at the end of the previous paragraph
        starts_para = q.open_mark == paragraphs[q.paragraph].start
        if how == "none" and q.paragraph > 0 and starts_para:
            prev_para = paragraphs[q.paragraph - 1]
            if text[prev_para.end - 1] == ":":
                ps = sent_of(prev_para.end - 1) or prev_para
                m = rx.before.search(text, ps.start, prev_para.end)
                if m:
                    key, club, how = subject(m.start("subj"), m.end("subj"), last=True)
                    cue = m.group("verb")
                    medium = medium_in(m.start("verb"), prev_para.end)
                else:
                    key, club, how = subject(ps.start, prev_para.end, last=True)
                if how != "none":
                    how = "colon" if how == "name" else how
        # 4. pronouns: the person the paragraph (or a quote-less paragraph just before) is
        # about, else the latest speaker, else the latest person named before the quote
        if key == "<pronoun>" or (how == "name" and used and _unsure(used[0], entities)):
            here = topic(qi)
            if here is not None:
                key = here
            elif how == "name":
                pass  # keep the descriptor's own reading
            elif last_speaker and q.paragraph - last_speaker[1] <= 3:
                key = last_speaker[0]
            else:
                before = [m for m in people if m.end <= q.open_mark]
                key = before[-1].key if before else None
            how = "pronoun" if how != "name" else how
        # 5. a quote-only paragraph right after one with a known speaker continues it
        if how == "none" and last_speaker and q.paragraph - last_speaker[1] <= 1:
            para = paragraphs[q.paragraph]
            if q.open_mark == para.start or any(o.paragraph == q.paragraph and o.open_mark < q.open_mark and speech[i]
                                                 for i, o in enumerate(quotes)):
                key, how = last_speaker[0], "continued"
        attr = Attribution(key if key and key.startswith("person:") else None, cue, medium, club, how)
        group_attr[q.group] = attr
        out.append(attr)
        if attr.speaker:
            last_speaker = (attr.speaker, q.paragraph)
        elif attr.source or how == "anonymous":
            last_speaker = None
    return _fill(text, quotes, speech, out)


def _fill(text: str, quotes: list[QuoteSpan], speech: list[bool], out: list[Attribution]) -> list[Attribution]:
    """Two conventions settled after the pass: a multi-paragraph quote attributed only at its end
    gives that speaker to its earlier paragraphs, and a headline quote repeated in the body takes
    the body's speaker."""
    by_group: dict[int, Attribution] = {}
    for q, a in zip(quotes, out, strict=True):
        if a.speaker or a.source:
            by_group.setdefault(q.group, a)
    said = [(quote_key(q.text), a) for q, a, sp in zip(quotes, out, speech, strict=True)
            if sp and (a.speaker or a.source)]
    for i, (q, a) in enumerate(zip(quotes, out, strict=True)):
        if not speech[i] or a.speaker or a.source or a.how in ("anonymous", "qa"):
            continue
        later = by_group.get(q.group)
        if later is None:
            words = quote_key(q.text)
            later = next((b for t, b in said if len(words.split()) >= 3 and words in t and t != words), None)
        if later is not None:
            out[i] = Attribution(later.speaker, later.cue, later.medium, later.source, "continued")
    return out
