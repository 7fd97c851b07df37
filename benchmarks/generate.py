"""The vocabulary of synthetic items, and the search index taken down for a bulk load and rebuilt after
(benchmarks.province writes the rows).

Titles and bodies are made of real government vocabulary so that segmentation, word frequencies and
match counts look like an agency's catalogue (common words such as 通知 match a large share of items,
specific ones such as 优待证 few).
"""

from django.db import connection

from gongkai.disclosure.models import Item
from gongkai.rules.uscc import uscc_check_character
from gongkai.search import backends

ACTIONS = ["关于", "关于印发", "关于开展", "关于做好", "关于加强", "关于公布", "关于调整", "关于进一步规范"]
SUBJECTS = [
    "退役军人优待证申领",
    "行政复议案件办理",
    "政府信息公开工作",
    "城乡居民医疗保险",
    "最低生活保障",
    "特困人员救助供养",
    "安全生产大检查",
    "防汛防台工作",
    "农村集体土地征收",
    "营商环境优化",
    "双拥模范城创建",
    "烈士纪念设施保护",
    "退役士兵安置",
    "老年人福利补贴",
    "残疾人两项补贴",
    "义务教育招生",
    "职业技能培训",
    "食品安全监督抽检",
    "生态环境保护督察",
    "文明城市创建",
    "重点项目建设",
    "财政预算执行",
    "政府采购意向",
    "行政许可事项",
    "行政处罚裁量基准",
    "慈善组织登记",
    "婚姻登记服务",
    "殡葬改革",
    "社区治理",
    "养老服务设施",
]
GENRES = ["的通知", "的公告", "的实施意见", "的办法", "的工作方案", "的通报", "的决定", "情况的报告"]
SENTENCES = [
    "根据有关法律法规和上级部署，结合本地实际，制定本方案。",
    "各单位要高度重视，加强组织领导，明确责任分工，确保各项工作落到实处。",
    "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
    "本办法自发布之日起施行，有效期五年。",
    "请各乡镇人民政府、街道办事处于规定时间前报送工作进展情况。",
    "对工作中发现的问题，要及时整改，建立长效机制。",
    "符合条件的退役军人可持身份证件到服务站申领优待证。",
    "资金由市财政统筹安排，专款专用，接受审计监督。",
    "进一步优化办事流程，压缩办理时限，提升群众满意度。",
    "加强政策解读和宣传引导，及时回应社会关切。",
]
DEPARTMENT_WORDS = ["退役军人", "民政", "财政", "教育", "卫生健康", "生态环境", "应急管理", "市场监管"]
CATEGORY_NAMES = [
    ("jgzn", "机构职能"),
    ("zcwj", "政策文件"),
    ("zcjd", "政策解读"),
    ("tzgg", "通知公告"),
    ("ghjh", "规划计划"),
    ("czzj", "财政资金"),
    ("rsxx", "人事信息"),
    ("xzzf", "行政执法"),
    ("jytz", "建议提案办理"),
    ("ndbg", "政府信息公开年报"),
]


def uscc(n: int) -> str:
    first17 = f"11330382{n:09d}"
    return first17 + uscc_check_character(first17)


def suspend_index(vendor: str) -> None:
    with connection.schema_editor() as editor:
        backends.drop_search_index(editor, Item)


def build_index(vendor: str) -> None:
    with connection.schema_editor() as editor:
        backends.create_search_index(editor, Item)  # SQLite: recreates triggers and rebuilds FTS5
