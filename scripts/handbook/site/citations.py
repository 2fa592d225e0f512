"""How the handbook cites a clause, an Annex 2 row or an Annex 1 member, with and without the document's number."""
from .labels import label


# A clause cited in plain words by its place in the measure: 第5条第1句 / Measure 5, sentence 1 (every clause is one sentence).
def clause_citation(ctx, number: int, clause_id: str) -> str:
    measure = next(measure for measure in ctx.data["measures"] if measure["number"] == number)
    sentence = [clause["id"] for clause in measure["clauses"]].index(clause_id) + 1
    return ctx.label("clause_citation", number=number, sentence=sentence)


# The document's number before a place in it: 台政发〔2020〕2号 第5条第1句 / Tai Zheng Fa [2020] No. 2, Measure 5, sentence 1.
def cite(ctx, place: str) -> str:
    return label("cite_full", ctx.language, document=ctx.t(ctx.data["document"]["number"]), place=place)


# A clause's full citation, with the document's number.
def clause_cite(ctx, number: int, clause_id: str) -> str:
    return cite(ctx, clause_citation(ctx, number, clause_id))


# An Annex 2 row's full citation, by its row id (A2-10 is item 10).
def annex2_cite(ctx, row_id: str) -> str:
    return cite(ctx, ctx.label("cite_annex2_row", item=int(row_id.split("-")[1])))


# The stable anchor of the Annex 1 member at a 0-based index: A1-01 for the first.
def annex1_anchor(index: int) -> str:
    return f"A1-{index + 1:02d}"


# An Annex 1 member's full citation, by its 0-based index.
def annex1_cite(ctx, index: int) -> str:
    return cite(ctx, ctx.label("cite_annex1_member", item=index + 1))
