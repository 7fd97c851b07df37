"""The 2021 annual-report format, 国办公开办函〔2021〕30号: used from report year 2021.

Only what the 2021 notice changed is declared here; the rest is the 2019 declaration, reused.
"""

import dataclasses

from gongkai.formats import v2019
from gongkai.formats.declaration import (
    ApplicationRow,
    Block,
    Column,
    Kind,
    ReportFormat,
    Row,
    Section2,
    StockRule,
)

DECISIONS = Column("decisions", "本年处理决定数量")

SECTION2 = Section2(
    first_column_header="信息内容",
    blocks=(
        Block(
            "art20_1",
            "第二十条第（一）项",
            (
                Column("made", "本年制发件数", in_text="制发"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            (
                Row("regulations", "规章"),
                Row(
                    "normative_documents",
                    "行政规范性文件",
                    # Reports filled on the 2021 columns that keep the 2019 label.
                    variants=(v2019.FORMAT.section2.block("art20_1").row("normative_documents").label,),
                ),
            ),
        ),
        Block("art20_5", "第二十条第（五）项", (DECISIONS,), (Row("licensing", "行政许可"),)),
        Block(
            "art20_6",
            "第二十条第（六）项",
            (DECISIONS,),
            (Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Block(
            "art20_8",
            "第二十条第（八）项",
            (Column("amount_wan", "本年收费金额（单位：万元）", Kind.AMOUNT),),
            (Row("fees", "行政事业性收费"),),
        ),
    ),
)

# 2021 splits the single （六）其他处理 row into three.
OTHER_ROWS = (
    ApplicationRow(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        v2019.RESULTS,
        v2019.OTHER,
    ),
    ApplicationRow(
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        v2019.RESULTS,
        v2019.OTHER,
    ),
    ApplicationRow("other_misc", "3.其他", v2019.RESULTS, v2019.OTHER),
)

SECTION3 = dataclasses.replace(
    v2019.SECTION3,
    rows=v2019.RECEIVED_ROWS + v2019.SHARED_OUTCOME_ROWS + OTHER_ROWS + v2019.TOTAL_ROWS,
)

FORMAT = ReportFormat(
    version="2021",
    notice="国办公开办函〔2021〕30号",
    first_year=2021,
    section_titles=v2019.SECTION_TITLES,
    section2=SECTION2,
    section3=SECTION3,
    section4=v2019.SECTION4,
    stock_rule=StockRule(block="art20_1", stock="in_force", added="made", removed="repealed"),
    fees_in_section6=True,
    split_rows=((v2019.OTHER.title, tuple(row.key for row in OTHER_ROWS)),),
)
