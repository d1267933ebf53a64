"""Payment facts: the installments of a contract (share and/or amount, trigger event, deadline, vague
conditions), retention money (质保金) with its release, and the contract total they add up to.

An installment is read from one sentence of the payment section (or one row of a payment table): the
sentence is cut at commas into pieces, the pieces naming a share (30%), an amount (人民币5万元) or a
remainder (余款, 尾款) anchor one installment each, and the other pieces (conditions such as
“合同签订后5日内”) join the installment they qualify. Timing is read by :mod:`contractkit.contract.timing`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from contractkit.contract.amount import Cell, Money, Table, cell_number, tables_of
from contractkit.contract.model import Where
from contractkit.facts import find_amounts, find_percents
from contractkit.facts.sentences import clause_spans
from contractkit.facts.spans import contains_any
from contractkit.facts.triggers import (
    DeadlineUnit,
    Timing,
    TimingKind,
    VagueCondition,
    find_vague,
    read_timing,
)

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Document

Kind = Literal["installment", "retention", "deposit"]
InstrumentKind = Literal[
    "letter_of_credit", "telegraphic_transfer", "collection", "transfer", "cheque", "draft", "cash"
]
Locate = Callable[[tuple[int, int]], Where]


@dataclass(frozen=True, slots=True)
class Event:
    """The event an installment falls due after (kind ``other``: an event the lexicon does not name)."""

    kind: TimingKind
    where: Where


@dataclass(frozen=True, slots=True)
class Due:
    """The deadline after the event: ``value`` ``unit`` (no value for immediate, a date, before an event)."""

    value: Decimal | None
    unit: DeadlineUnit
    where: Where


@dataclass(frozen=True, slots=True)
class Vague:
    """A condition no one can test or that the payer controls (视情况, 资金到位, 背靠背)."""

    word: str
    where: Where


def _event(t: Timing, locate: Locate) -> Event | None:
    return None if t.trigger is None else Event(t.trigger.kind, locate(t.trigger.span))


def _due(t: Timing, locate: Locate) -> Due | None:
    return None if t.deadline is None else Due(t.deadline.value, t.deadline.unit, locate(t.deadline.span))


def _vague(vs: tuple[VagueCondition, ...], locate: Locate) -> tuple[Vague, ...]:
    return tuple(Vague(v.word, locate(v.span)) for v in vs)


#: Section headings (and table headers) that name payment.
#: A colloquial heading names the money itself (二、钱怎么给, 付钱方式, 价钱和付钱).
PAYMENT_SECTION = ("付款", "支付", "结算", "价款", "货款", "合同价格", "合同金额", "费用", "款项", "钱")
_PAYMENT_SECTION = re.compile("|".join(PAYMENT_SECTION))
#: A payment label at the start of a block (a key-terms table row, a bold run-in heading), perhaps after its
#: item number and an aside (3.（对应通用条款第八条）付款：…, （二）(对应第八条) 结算：…).
_PAYMENT_LABEL = re.compile(
    r"^\W*(?:\d+|[一二三四五六七八九十]{1,3})?\W*(?:[（(][^（()）]{0,20}[)）]\s*)?"
    r"(?:(?:付款|支付|结算)(?:安排|方式|条件|期限|进度|节点|计划)|(?:付款|支付|结算|价款支付)\s*[:：])"
)
#: Every payment sentence names one of these (a cheap gate).
PAY_GATE = (
    "付",
    "结清",
    "结算",
    "再结",
    "尾款",
    "余款",
    "进度款",
    "汇入",
    "转账",
    "缴",
    "交清",
    "交纳",
    "还清",
    "定金",
    "货款",
    "收款",
    "试款",
    "期款",
    "装款",
    "产款",
    "运款",  # 投运款, 运行款
    "工款",  # 竣工款, 完工款
    "验款",  # 终验款, 初验款
    "场款",  # 进场款
    "线款",
    "碑款",
    "给",
    # colloquial transfers (先转20000元, 三天内转清, 当天转2万元, 先打5000块, 打款, 汇款): the word with what
    # stands before or after it, not 转 or 打 alone (风险转移, 打印)
    "转清",
    "转给",
    "转钱",
    "先转",
    "再转",
    "又转",
    "天转",
    "内转",
    "后转",
    "时转",
    "打款",
    "打钱",
    "先打",
    "再打",
    "天打",
    "内打",
    "后打",
    "汇款",
    "内汇",
    "天汇",
    "后汇",
)
#: A payment act or stage (支付, 付清, 预付, 尾款, 到货款, 先给…).
PAY_VERB_PATTERN = (
    # 结算 is an act (按月结算), not a noun (结算金额, 结算单, 结算总金额, 结算价): a figure or a paper
    r"支付|付款|付清|付至|预付|首付|付给|应付|付.{0,3}款|结清|结算(?!单(?!位)|(?:总)?金额|总额|价|数量|依据)|"
    r"尾款|余款|进度款|汇入|转账|缴纳|缴付|交清|交纳|还清|"
    r"定金|(?<![不未])付\s*(?=\d|[一二三四五六七八九十百])|(?<![不未])付(?:合同|本合同)?(?:总价|总额|价款|价格|金额)|"
    # a stage's money (到货款, 投运款 of a grid long form, 竣工款, 终验款, 进场款)
    r"(?:到货|发货|交货|供货|备货|验收|终验|初验|调试|安装|投产|投运|运行|竣工|完工|进场|上线|首期|末期|"
    r"[一二三四五六七八九十\d]期|里程碑)款|"
    r"(?:先|再|又|剩下的|余下的|另|第[一二两三四五六七八九十\d]{1,2}(?:次|笔|回))给"
    r"(?=\s*(?:\d|[一二两三四五六七八九十半]|钱|款|另|剩|余|尾|[。；;，,]|$))"
    # colloquial: 十天内给剩下的166800元, 三天内给清, 先转20000元, 转清, 打款, 汇款
    # 交付 before 全部/其余 hands over goods (交付全部产品的50%, 交付其余50%) unless money follows
    r"|(?<![不未交])付(?=\s*(?:剩下|剩余|余下|其余|尾款|余款|全款|全部))"
    r"|(?<![不未])交付(?=\s*(?:剩下|剩余|余下|其余|全部)的?\s*(?:货款|价款|款|金额|合同款|费用|尾款|余款))"
    r"|(?<=[内后时])给(?=\s*(?:剩下|剩余|余下|尾款|余款|\d[\d,.]*\s*(?:万)?\s*(?:元|块)))|给(?:清|齐|完)|"
    r"转(?:清|给|钱)|(?:先|再|又|另)转(?=\s*(?:\d|[一二两三四五六七八九十]))|打款|打钱|汇款|"
    r"(?:转|打|汇)(?=\s*(?:\d[\d,.]*|[一二两三四五六七八九十百千]+)\s*(?:万)?\s*(?:元|块))"
    # colloquial settling (再结给你, 结给乙方) and a sentence closing on the payment (再看情况给。)
    r"|结给|(?<![交送留借卖租递带寄发分还供转嫁配让托赠献])给(?:你|您)?(?=\s*(?:[。；;]|$))"
    # colloquial settling closing its piece (卖得差不多了再结，即95,760.00元 / 验完再结账)
    r"|再结(?=\s*(?:[，,。；;]|$|清|账|款))"
)
#: Led by a lookahead of its first characters (the same matches, found far faster: see the tests).
PAY_VERB = re.compile(
    rf"(?=[一七三上九二五交付余先八六再到剩十又发另四安定尾应投支末汇第结缴调转还进里预首验给打供备终初运竣完\d])"
    rf"(?:{PAY_VERB_PATTERN})"
)
#: A piece naming one of these is a penalty, interest, refund or deposit rule: the sentence stops there.
_CONSEQUENCE_PATTERN = (
    r"违约金|滞纳金|赔偿|罚|利息|逾期|迟延|延迟|延期|拖欠|未(?:按|能|及时)|不按|否则|如未|若未|退还已|退回已|"
    # colloquial lateness (尾款晚给超过15天的): not 不晚于 (a deadline)
    r"(?:晚|迟)(?:给|付|交|还|打)(?!于)|拖(?:着|了|延)|"
    r"扣除|扣款|抵扣|抵作|冲抵|折抵|有权(?:拒绝|暂停|停止|中止|不予|拒收|解除|顺延)"
    # lateness of any performance, colloquial (晚装好一天, 晚送一天, 迟交三日, 晚了一个月): not 不晚于, 最晚
    r"|(?:晚|迟)(?<!不晚)(?<!最晚)(?<!不迟)(?<!最迟)(?!于|到)[\u4e00-\u9fff]{0,3}?(?:\d+|[一两二三四五六七八九十]+)\s*(?:个)?(?:天|日|周|月)"
    # a deduction or reduction of the price, colloquial (从尾款里扣10块钱, 扣掉, 少付5%, 多给甲方10块钱)
    r"|扣(?:掉|减|钱|\s*\d|[一两二三四五六七八九十])|从[^，,。；;]{0,8}?(?:里|中)扣|少付|少给|多给"
    # a refund of what was paid, words between: 退还甲方已支付的全部货款, 返还买方预付款
    r"|(?:退还|退回|返还|退付|返回)[^，,。；;]{0,8}?(?:已付|已支付|已收|已经支付|预付款|定金|全部货款|相应货款|货款|款项|价款)"
)
_CONSEQUENCE = re.compile(
    f"(?=[不冲利否如延扣折抵拖晚有未滞罚若赔返违迟退逾从少多])(?:{_CONSEQUENCE_PATTERN})"
)
#: A definition: “合同价格”（“Contract Price”）指… / "Price" means …
_DEFINITION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\W*)?[“\"「『](?P<term>[^”\"」』]{1,24})[”\"」』]\s*(?:[（(][^)）]{0,40}[)）])?\s*"
    r"(?:[:：]\s*)?(?:是指|系指|意指|指|means|shall mean)"
)
_CONDITION_END = re.compile(r"(?:的|之前|以前|前)\s*$")
#: A remedy of the payee (有权拒绝交付, 可暂停发货): a sentence naming one before any share or amount is a
#: right to withhold performance, not an installment (在付清全部货款前，乙方有权拒绝交付).
_WITHHOLD = re.compile(
    r"(?:有权|可以|可|得)(?:拒绝|暂停|停止|中止|不予|拒收|解除|顺延|推迟|延后)|(?:不予|不|暂不|拒绝)(?:交付|交货|发货|放货|供货)"
)
#: A piece stating a failure to pay as the condition of a remedy (乙方未付清全部价款的，甲方有权拒绝交付).
_FAILED_PAY = re.compile(
    r"(?:未|尚未|没有|没|未能|不能|拒不|还不|还没|不)(?:按时|按期|如期|及时|足额|全额|全部)?(?:付清|结清|交清|缴清|支付|付款|付|给|转|打)"
    r"(?!款项|部分|金额)[^，,。；;]{0,16}?(?:的|之前|以前|前|时)\s*$"
)
#: Asides that do not stop a payment sentence: a parenthesis (扣除相应比例预付款), a deduction of what was
#: paid before (并扣除已付预付款), a deduction the payment is made net of (扣除考核扣款后，甲方…支付;
#: 减去质量扣款后的余额) — the piece closing on 后, the payment still to come.
_ASIDE = re.compile(
    r"[（(][^（()）]*[)）]|(?:扣除|扣减|抵扣|冲抵|折抵|抵减|减去)[^，,。；;]{0,10}?(?:预付款|首付款|预付|已付|已支付|定金)"
    r"|(?:扣除|扣减|减去|减除)[^，,。；;]{1,14}?后\s*$"
)
#: Literals without which ``_ASIDE`` cannot match.
_aside_words = contains_any(("（", "(", "扣", "抵", "冲", "减"))
#: An installment naming one of these is a security, a rebate or a refund, not a payment.
_NOT_PAYMENT = re.compile(r"履约保证金|投标保证金|(?<!质量)保证金|押金|保函|折扣|优惠|返利|奖励|退款|使用费")
_SECURITY = r"(?:履约保证金|投标保证金|(?<!质量)保证金|押金|保函|返利|奖励|退款|使用费)"
_ANCHOR = r"(?:\d+(?:\.\d+)?\s*%|(?:\d[\d,.]*|[一二三四五六七八九十百千万]+)\s*(?:万)?元)"
_SECURITY_SHARE = re.compile(
    rf"{_SECURITY}[^，,。；;\d]{{0,6}}?(?:为|是|金额|:|：)[^，,。；;]{{0,12}}?{_ANCHOR}"
    rf"|{_ANCHOR}[^，,。；;]{{0,4}}?(?:的|作为)[^，,。；;]{{0,6}}?{_SECURITY}"
    rf"|^\s*作为[^，,。；;]{{0,6}}?{_SECURITY}|(?:折扣|优惠)"
    rf"|{_SECURITY}\s*(?:人民币|RMB|¥|￥)?\s*(?:\d[\d,.]*|[一二三四五六七八九十百千万]+)\s*(?:万)?元"
    rf"|(?:提交|出具|开具|提供)(?:(?!{_SECURITY})[^。；;，,]){{0,12}}?{_ANCHOR}[^。；;]{{0,40}}?{_SECURITY}"
)
_SECURITY_WORD = re.compile(_SECURITY)
#: A security handed over as the condition of a payment (收到乙方提交的合同总价5%的银行履约保函及发票后…支付
#: 20%): its share or sum sizes the security, not the payment; the payment's own share follows.
_SECURITY_CONDITION = re.compile(
    rf"(?:收到|提交|出具|开具|提供|递交)[^，,。；;]{{0,20}}?{_ANCHOR}[^，,。；;\d%]{{0,14}}?{_SECURITY}"
    r"(?=[^，,。；;]{0,30}?后)"
)
#: A sentence about title (所有权保留): it names payment only as a condition.
_TITLE = re.compile(r"所有权|产权|物权|返利|返点|提成|佣金|奖励|奖金")
#: 保固金 / 保固款: the Taiwanese (and Traditional-Chinese) word for the same retention money.
RETENTION_WORDS = ("质保金", "质量保证金", "质量保修金", "保修金", "质保款", "质保尾款", "保固金", "保固款")
_RETENTION = re.compile("|".join(RETENTION_WORDS))
_REMAINDER = re.compile(
    r"(?=[尾余剩全所未其一])(?:"  # led by a lookahead of its first characters (a fast scan)
    r"尾款|余款|余额|剩余(?:的)?(?:货款|款项|价款|合同款|部分|全部|款)|(?:剩余|全部|所有)?未付(?:清)?的?(?:全部)?(?:款项|货款|价款|部分|余款)|其余(?:的)?(?:货款|款项|价款|部分|款)?|全款|"
    r"全部(?:货款|价款|款项|欠款|合同款)|全额(?:支付|付清|付款|结清)|一次性付清|"
    # colloquial: 剩下的20200元, 余下的钱 (not 剩下的货物)
    r"(?:剩下|余下)(?:的)?(?!货物|货|产品|设备|东西)(?:钱|货款|款项|价款|款|部分)?)"
)
#: A time bound naming a payment as its end (到乙方付清尾款、一年保修到期为止; 直至货款全部付清时止;
#: 至…甲方付清全部合同款项之日终止): the piece dates something else (the term, a right), it pays nothing.
_UNTIL = re.compile(
    r"(?:到|至|直至|直到)[^，,。；;]{0,30}?(?:为止|时止|之日止|之时止|(?:之日|之时|时)(?:终止|失效|届满))"
)
_WHOLE_PAY = re.compile(r"(?:(?<![预首])付款|付清|结清|支付(?:全部)?(?:货款|价款|合同款|款项))(?![前后时之])")


def _ends_paying(piece: str) -> bool:
    """The piece's own act is paying: a pay verb closes it (验收后付款; not 就每期付款向买方开具发票)."""
    ms = list(_WHOLE_PAY.finditer(piece))
    return bool(ms) and ms[-1].end() >= len(piece.rstrip("。；;.")) - 4


_CUMULATIVE = re.compile(
    r"(?:累计|支付至|付至)[^，,。；;]{0,14}?\d+(?:\.\d+)?\s*%|达到(?:合同)?(?:总价|总额)的?\s*\d"
)
_SAME = re.compile(r"^\W*(?:即|折合|计|合计|共计|共|约|为|金额为|就是|也就是|相当于)")
#: Matters left to another agreement (其余付款、验收…事项，均按框架协议执行; 其余事项（…结算付款…）按主合同
#: 执行): naming payment among them pays nothing here.
_MATTERS_REFERRED = re.compile(
    r"(?:事项|事宜|条款|内容)[^。；;]{0,40}?(?:均|都|仍|一律|继续)?(?:按|依|依照|按照|适用|参照)"
    r"[^。；;]{0,16}?(?:协议|合同|约定|条款)[^。；;]{0,8}?(?:执行|办理|处理|为准|约定)"
    # a list of matters payment is one of, all handed on (订单的验收、付款、质量保证…，均适用框架协议第7条、
    # 第8条; 交货、结算及违约责任都按主合同办理)
    r"|(?:付款|支付|结算)[^。；;]{0,40}?(?:均|都|一律|仍|继续)\s*(?:适用|按|依|依照|按照|参照|遵照)"
    r"[^。；;]{0,16}?(?:协议|合同|条款|第\s*[\d一二三四五六七八九十百]+\s*条)"
)
#: The place a schedule's timing is stated when a sentence hands it on: an article (of this contract, of
#: the framework or main agreement, of the general terms), the agreement itself, or an annex.
_REF_PLACE = (
    r"(?:(?:(?:框架|主|原|本|总|母)(?:协议|合同)|通用条款|专用条款|合同条款|该条|上述条款|原条款)?\s*"
    r"第\s*[\d一二三四五六七八九十百.]+\s*(?:条|款|项|章)|(?:框架|主|原|总|母)(?:协议|合同)"
    r"|(?:合同)?(?:专用条款|通用条款|特殊条款|特别约定|合同要素表|关键条款表))"
)
_ANNEX = r"(?:本合同|本协议)?\s*(?:所附)?\s*(?:附表|附件|附录|付款计划表?)\s*[\d一二三四五六七八九十A-Za-z]*"
#: A schedule restated from another clause or agreement, or handed to one (按框架协议第8条执行，即预付款
#: 30%…; 依主合同第5条，首付款为…; 各期付款条件及期限依该条; 第三期为年度尾款，见附表三): its timing is
#: stated there, and the sentence's installments are read as shares only.
_REFERRED = re.compile(
    rf"(?:按|依|依照|按照|根据|适用|参照|遵照)\s*{_REF_PLACE}(?:[（(][^。；;]{{0,40}}?[)）])?[^，,。；;]{{0,10}}?"
    r"(?:执行|办理|约定|规定|为准|之约定|的约定)?\s*[，,:：]?\s*(?:即|具体为|具体是|亦即|也就是)"
    rf"|(?:条件|期限|时间|节点|进度|安排)[^。；;，,]{{0,6}}?(?:依|按|见|适用|依照|按照|详见|参见|同)\s*"
    rf"(?:该条|该款|上述条款|{_REF_PLACE}|{_ANNEX})"
    rf"|[，,]\s*(?:见|详见|参见|具体见|依|按)\s*{_ANNEX}\s*(?:所列|约定|规定)?\s*[。；;]?\s*$"
)
#: Money paid before, under an earlier agreement (甲方已按主合同支付的预付款¥75,600.00计入本项): no
#: installment falls due for it.
_ALREADY_PAID = re.compile(
    r"(?<![未尚])已(?:经)?(?:(?:按|依|依照|按照|根据)[^，,。；;]{0,10}?)?(?:支付|付|付清|交付|交纳|缴纳|收取|收到)(?:了)?的"
)
#: A settlement's line of money paid before, labelled so (已付到货款：人民币851,424.00元（…签发…）,
#: 已收预付款：…): its dates record the past payment, nothing falls due.
_PAID_LABEL = re.compile(
    r"^\W*(?:[\d.]+\W*)?(?<![未尚])已(?:经)?(?:付|支付|收|收到|收取|结清|兑付)[\u4e00-\u9fff]{0,6}?(?:款|金)\s*[:：]"
)
_STATEMENT = re.compile(r"(?:款|金)[”\"」]?\s*(?:为|是|:|：|[:：]?\s*(?:是指|系指|指))")
#: A percent next to these is a tax, discount, cap or penalty figure, not a share.
_PCT_AFTER_NOT = re.compile(
    r"\s*(?:的)?(?:增值税|税率|税|的税|违约金|滞纳金|利息|以上|以下|左右|折扣|优惠)"
    # the means a payment is made in (60%以银行承兑汇票支付): a split of the same money, not an installment
    r"|\s*(?:的?(?:款项|部分|货款))?\s*(?:可以|可|应|须|均)?(?:以|采用|通过|用|为)[^，,。；;]{0,10}?"
    r"(?:汇票|承兑|电汇|转账|现金|支票|信用证|票据|方式)"
)
_PCT_BEFORE_NOT = re.compile(
    r"(?:税率|税点|增值税|征收率|折扣|优惠|下浮|上浮|超过|低于|高于|大于|小于|不足|可用率|合格率|含水量|误差|"
    r"采购量|销量|销售量|完成率|达成率|任务量|数量)\s*(?:为|是|按|[:：])?\s*$"
)
#: A percent stated as the sum of the schedule (付款安排（合计 100%）：, 按下列比例支付，合计100%：,
#: 上述三期合计为合同总价的100%, 以上共计100%): the total of the shares listed, not one more — unless
#: the words pay it (合计支付至90%).
_SUM_BEFORE = re.compile(
    r"(?:合计|共计|总计|总共|合共|一共)(?:为|是|占)?(?:(?!支付|付|结清|给)[^，,。；;\d%]){0,14}?$"
)
_AMOUNT_AFTER_NOT = re.compile(r"\s*(?:/|每|一)")
_AMOUNT_BEFORE_NOT = re.compile(
    r"(?:单价|价格为|每(?:吨|台|件|套|公斤|千克|天|日|月|年|平方米|米|个)|使用费|租金)\s*$"
)
#: Money set off against an earlier payment (以该金额的20%冲抵预付款, 扣回预付款的10%, 抵扣定金): the
#: words naming it (预付款, 定金) are its object, nothing is paid by them.
_OFFSET = re.compile(
    r"(?:冲抵|抵扣|扣回|抵减|冲减|抵销|抵消|抵作|折抵)[^，,。；;]{0,4}?(?:已付|已支付)?(?:的)?"
    r"(?:预付款|首付款|定金|订金|进度款|备料款|货款|款项)?"
)
_OFFSET_VERB = r"(?:冲抵|抵扣|扣回|抵减|冲减|抵销|抵消|抵作|折抵)"
#: A share the offset takes (进度款的10%扣回预付款, 冲抵预付款20%): the share is set off, not paid.
_OFFSET_SHARE = re.compile(
    rf"%\s*(?:的)?(?:金额|款项)?\s*(?:用于|用以|作为)?\s*{_OFFSET_VERB}|{_OFFSET_VERB}[^，,。；;]{{0,8}}?\d+(?:\.\d+)?\s*%"
)
#: The act of paying itself, not a word naming money (进度款, 预付款).
_PAYING_ACT = re.compile(r"支付|付清|结清|汇付|付给|付至|拨付|结付")
_PIECE = re.compile(r"(?:[^，,]+|(?<=\d),(?=\d{3}))+")  # runs, not one character a step


@dataclass(frozen=True, slots=True)
class Installment:
    """One payment: its share of the price and/or amount, and when it falls due."""

    where: Where
    kind: Kind
    share: Decimal | None
    amount: Money | None
    cumulative: bool
    remainder: bool
    statement: bool
    trigger: Event | None
    deadline: Due | None
    vague: tuple[Vague, ...]
    share_where: Where | None = None  # the share's own words (a table's 比例 cell), when stated
    referred: bool = False  # its sentence hands the timing to another clause, agreement or annex


@dataclass(frozen=True, slots=True)
class Retention:
    """Retention money (质保金) kept by the buyer, and the text that releases it (None: never released)."""

    where: Where
    share: Decimal | None
    amount: Money | None
    release: Where | None
    release_trigger: Event | None
    release_deadline: Due | None
    from_installments: bool = (
        False  # withheld out of each installment (扣留当期应付款的5%): inside the shares
    )


@dataclass(frozen=True, slots=True)
class Instrument:
    """A way the price is paid, named anywhere in the draft: a letter of credit (信用证, L/C), a telegraphic
    transfer (电汇, T/T, SWIFT, 汇款), a documentary collection (托收, D/P, D/A), a bank transfer (转账), a
    cheque (支票), an acceptance draft (承兑汇票) or cash (现金)."""

    kind: InstrumentKind
    word: str
    where: Where


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    """The payment terms of one contract."""

    total: Money | None
    installments: tuple[Installment, ...]
    retentions: tuple[Retention, ...]
    instruments: tuple[Instrument, ...] = ()

    def by_letter_of_credit_only(self) -> bool:
        """True when the price is paid by letter of credit and by no instrument the buyer remits itself: the
        issuing bank pays against the documents."""
        kinds = {i.kind for i in self.instruments if i.word.upper() != "SWIFT"}  # an L/C is advised by SWIFT
        return kinds == {"letter_of_credit"}

    def documentary(self) -> bool:
        """True when the draft pays by a documentary or international instrument (a letter of credit, a
        collection, a T/T or SWIFT transfer written so): a trade sale's payment in the price's currency."""
        return any(
            i.kind in ("letter_of_credit", "collection")
            or (i.kind == "telegraphic_transfer" and i.word.upper() in ("T/T", "SWIFT"))
            for i in self.instruments
        )

    def shares(self) -> list[Decimal]:
        """The share of the price each installment adds (cumulative ones as the increase), then the share of
        each retention not stated as an installment, in order."""
        out: list[Decimal] = []
        running = Decimal(0)
        for inst in self.installments:
            if inst.share is None:
                continue
            add = inst.share - running if inst.cumulative else inst.share
            out.append(add)
            running += add
        out.extend(r.share for r in self.separate_retentions() if r.share is not None)
        return out

    def separate_retentions(self) -> list[Retention]:
        """The retentions no installment states (质保金5%由甲方留存: held, not paid)."""
        paid = [i for i in self.installments if i.kind == "retention"]

        def stated(r: Retention) -> bool:  # the schedule states this retention (a row, or the same share)
            return any(
                (
                    i.where.block == r.where.block
                    and i.where.span[0] < r.where.span[1]
                    and r.where.span[0] < i.where.span[1]
                )
                or (r.share is not None and i.share == r.share)
                or (r.amount is not None and i.amount is not None and i.amount.value == r.amount.value)
                for i in paid
            )

        return [r for r in self.retentions if not stated(r) and not r.from_installments]


# --- reading installments from one text ---------------------------------------------------------------------


@dataclass
class _Piece:
    start: int
    end: int
    shares: list[tuple[Decimal, tuple[int, int]]]
    amounts: list[tuple[Decimal, str, tuple[int, int]]]
    remainder: bool
    whole: bool = False


@dataclass
class _Group:
    pieces: list[_Piece]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def anchored(self) -> bool:
        return any(p.shares or p.amounts or p.remainder for p in self.pieces)


def _shares(piece: str) -> list[tuple[Decimal, tuple[int, int]]]:
    out = []
    for p in find_percents(piece):
        s, e = p.span
        if _PCT_AFTER_NOT.match(piece, e) or _PCT_BEFORE_NOT.search(piece[max(0, s - 8) : s]):
            continue
        if _SUM_BEFORE.search(piece, max(0, s - 20), s):
            continue
        if p.value < 0 or p.value > 100:
            continue
        out.append((p.value, p.span))
    for m in _TENTHS.finditer(piece):  # 先给三成, 剩下的七成, 一半
        if not any(a < m.end() and m.start() < b for _v, (a, b) in out):
            word = m.group()
            value = Decimal(50) if "半" in word else Decimal(_TENTH_DIGITS[word[0]]) * 10
            out.append((value, m.span()))
    out.sort(key=lambda x: x[1])
    return out


_TENTH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TENTH_DIGITS |= {str(d): d for d in range(1, 10)}
#: Colloquial shares: 三成 (30 %), 一半 (50 %).
_TENTHS = re.compile(
    r"(?<![一二三四五六七八九十\d])[一二两三四五六七八九1-9]\s*成(?![本品员立为功交型套])|一半|半数"
)


#: 首付货款15万: 万 with no 元 after a payment word.
_BARE_WAN = re.compile(r"(?<=款|金|费|给|付)\s*(?:计|为)?\s*(\d+(?:\.\d+)?)\s*万(?![元美欧块])")
#: Colloquial money: 3万块, 200块钱 (块 before punctuation or 钱: not 3块钢板).
_KUAI = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万)?\s*块(?:钱|(?![\u4e00-\u9fff])|(?=到|给|打|转|汇|作为|当|定金|押金|订金))"
)


def _amounts(piece: str) -> list[tuple[Decimal, str, tuple[int, int]]]:
    found = find_amounts(piece)
    figures = [a for a in found if not a.upper]
    out = []
    for a in figures or found:  # a 大写 amount counts when no figure states it (首付款计贰万元正)
        s, e = a.span
        if _AMOUNT_AFTER_NOT.match(piece, e) or _AMOUNT_BEFORE_NOT.search(piece[max(0, s - 8) : s]):
            continue
        out.append((a.value, a.currency, a.span))
    if not out:
        for m in _BARE_WAN.finditer(piece):
            out.append((Decimal(m.group(1)) * 10000, "CNY", m.span(1)))
    if not out and "块" in piece:
        for m in _KUAI.finditer(piece):
            out.append((Decimal(m.group(1)) * (10000 if m.group(2) else 1), "CNY", m.span()))
    return out


#: A stage label with its share starts a new piece even without a comma (a PDF table read as one line:
#: "预付款 30% … 10 日内到货款 40% …").
_STAGE_START = re.compile(
    r"(?<=[^\s，,:：;；。])\s*(?=(?:预付款|首付款|到货款|发货款|验收款|进度款|调试款|安装款|投运款|质保金|质量保证金|尾款|余款|"
    r"第[一二三四五六七八九十\d]+期(?:款)?)\s*[:：]?\s*\d+(?:\.\d+)?\s*%)"
)


#: A stage named with its share and a colon (发货款70%（¥904,680.00）：…): what follows is its body.
_LABELLED_SHARE = re.compile(
    r"\W*(?:[\u4e00-\u9fff]{1,8})\s*[:：]?\s*\d+(?:\.\d+)?\s*%\s*(?:[（(][^)）]{0,24}[)）])?\s*[:：]"
)


#: A share of one batch or delivery (该批货物金额的60%, 每批货款的70%): restating, batch by batch, the
#: share of an installment named just before it (余款60%，即…，按批结算：…支付该批货物金额的60%) — the
#: same money.
_OF_BATCH = re.compile(
    r"(?:该|每|当|本|各|此)(?:批|次|车|期)[^，,。；;%\d]{0,10}?(?:金额|货款|价款|款项|货值)的?\s*\d"
)


def _comma_pieces(text: str) -> list[tuple[int, str]]:
    """(start, text) of the comma pieces, a piece cut again where a stage label with its share begins."""
    out: list[tuple[int, str]] = []
    staged = "%" in text  # a stage label starts a piece only before its share
    for m in _PIECE.finditer(text):
        if not staged:
            out.append((m.start(), m.group()))
            continue
        cuts = (
            [m.start()] + [c.end() for c in _STAGE_START.finditer(text, m.start() + 1, m.end())] + [m.end()]
        )
        out.extend((a, text[a:b]) for a, b in pairwise(cuts) if a < b)
    return out


def _pieces(text: str) -> list[_Piece]:
    """The comma pieces of one sentence up to the first consequence (penalty, refund) piece."""
    out: list[_Piece] = []
    for s, raw in _comma_pieces(text):
        lead = len(raw) - len(raw.lstrip())
        s += lead
        piece = raw.strip()
        if not piece:
            continue
        bare = _ASIDE.sub("", piece) if _aside_words(piece) else piece
        if _CONSEQUENCE.search(bare) or _FAILED_PAY.search(piece):
            break
        if ("止" in piece or "失效" in piece or "届满" in piece) and _UNTIL.search(piece):
            continue  # 到乙方付清尾款为止: the end of a term, not a payment
        shares = [(v, (s + a, s + b)) for v, (a, b) in _shares(piece)]
        amounts = [(v, c, (s + a, s + b)) for v, c, (a, b) in _amounts(piece)]
        if shares or amounts:
            sized = [(s + m.start(), s + m.end()) for m in _SECURITY_CONDITION.finditer(piece)]
            shares = [x for x in shares if not any(a <= x[1][0] < b for a, b in sized)]
            amounts = [x for x in amounts if not any(a <= x[2][0] < b for a, b in sized)]
        rest = bool(_REMAINDER.search(piece))
        whole = bool(
            not rest
            and not shares
            and not amounts
            and _ends_paying(piece)
            and read_timing(piece).trigger is not None
        )  # 验收后付款: the price (or what is left of it) after an event
        out.append(_Piece(s, s + len(piece), shares, amounts, rest or whole, whole))
    return out


#: 定金 named as what the payment is, not what it is denied to be (不是定金, 非定金, 不作为定金).
_DEPOSIT_WORD = re.compile(r"(?<!不是)(?<!并非)(?<!不作为)(?<!不属于)(?<!不视为)(?<!不按)(?<![非不])定金")


def _closes_aside(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends an aside in brackets opened in it (付30%（算货款的一部分，不是定金）):
    the comma pieces inside the brackets belong to the installment that opened them."""
    part = text[start:end].rstrip()
    if not part.endswith((")", "）")):
        return False
    depth = 0
    for ch in part:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _groups(text: str, pieces: list[_Piece]) -> list[_Group]:
    """Pieces grouped into installments: each anchored piece starts one, conditions join their neighbour."""
    groups: list[_Group] = []
    pending: list[_Piece] = []
    for p in pieces:
        # a bare "…后付款" starts an installment only at the head of its sentence; later it qualifies one
        anchored = bool(p.shares or p.amounts or p.remainder) and not (p.whole and (groups or pending))
        if not anchored:
            pending.append(p)
            continue
        piece_text = text[p.start : p.end]
        prev = groups[-1] if groups else None
        if prev is not None and pending and _closes_aside(text, prev.start, pending[-1].end):
            prev.pieces.extend(
                pending
            )  # 30%预付款（算货款的一部分，不是定金）: an aside inside the installment
            pending = []
        if (
            prev is not None
            and not pending
            and p.amounts
            and not p.shares
            and not p.remainder
            and _SAME.match(piece_text)
        ):
            prev.pieces.append(p)  # 30%，即人民币3万元: the same installment
            continue
        if (
            prev is not None
            and not pending
            and (p.shares or p.amounts)
            and not any(q.shares or q.amounts for q in prev.pieces)
            and read_timing(piece_text).trigger is None
        ):
            prev.pieces.append(p)  # 余款：…之日起十五日内，买方支付70%: the label and its share
            continue
        if (
            prev is not None
            and not pending
            and p.amounts
            and not p.shares
            and not PAY_VERB.search(piece_text)
            and (t := read_timing(piece_text)).trigger is None
            and t.deadline is None
        ):
            prev.pieces.append(p)  # 支付首批货款16.8万元，培训费0.5万元: paid together
            continue
        if (
            prev is not None
            and p.shares
            and {v for v, _ in p.shares} == {v for q in prev.pieces for v, _ in q.shares}
            and (
                _LABELLED_SHARE.match(text, prev.start)
                or (_OF_BATCH.search(piece_text) and read_timing(text[prev.start : prev.end]).trigger is None)
            )
        ):
            prev.pieces.extend([*pending, p])  # 发货款70%：…支付该批货款的70%: the label's share restated
            pending = []
            continue
        if pending and prev is not None and read_timing(text[p.start : p.end]).trigger is not None:
            prev.pieces.extend(pending)  # the conditions close the previous installment
            pending = []
        groups.append(_Group([*pending, p]))
        pending = []
    if pending and groups:
        groups[-1].pieces.extend(pending)
    return groups


@dataclass(frozen=True, slots=True)
class RawInstallment:
    """An installment read from a string (offsets into it); :func:`read_installments` returns these."""

    span: tuple[int, int]
    kind: Kind
    share: Decimal | None
    amount: tuple[Decimal, str, tuple[int, int]] | None
    cumulative: bool
    remainder: bool
    statement: bool
    timing: Timing
    vague: tuple[VagueCondition, ...]
    share_span: tuple[int, int] | None = None
    referred: bool = False


def _add(span: tuple[int, int], base: int) -> tuple[int, int]:
    return (span[0] + base, span[1] + base)


def _shift(t: Timing, base: int) -> Timing:
    """``t`` with its spans moved by ``base``."""
    from contractkit.facts.triggers import Deadline, TimingEvent

    trig = None if t.trigger is None else TimingEvent(t.trigger.kind, _add(t.trigger.span, base))
    due = (
        None
        if t.deadline is None
        else Deadline(t.deadline.value, t.deadline.unit, _add(t.deadline.span, base))
    )
    return Timing(trig, due)


def _pays(body: str, timing: Timing) -> bool:
    """True when ``body`` pays something itself, not only as the event of its trigger (支付首付款后…)."""
    if timing.trigger is None or (
        timing.trigger.kind != "payment"
        and not PAY_VERB.search(body[timing.trigger.span[0] : timing.trigger.span[1]])
    ):
        return bool(PAY_VERB.search(body) or _RETENTION.search(body))
    s, e = timing.trigger.span
    if timing.trigger.kind != "payment":
        acts = list(PAY_VERB.finditer(body, s, e))
        if acts and acts[-1].end() >= len(body[:e].rstrip()) - 1:
            return True  # 试完机器那天乙方再给 / 货到付款: the trigger ends with the act of paying itself
    rest = body[:s] + "，" + body[e:]
    return bool(PAY_VERB.search(rest) or _RETENTION.search(rest))


#: The basis the price is settled on (按实际用量结算, 按磅单数量结算, 以实收数量结算): a quantity rule,
#: not an act of paying.
_SETTLE_BASIS = re.compile(
    r"(?:按|以|依|按照|根据)[^，,。；;]{0,8}?(?:用量|数量|重量|方量|吨数|件数|磅单|过磅|计量|实收|实发|实际|实测)"
    r"[^，,。；;]{0,4}?(?:进行)?结算"
)


#: The label of a bilingual line (Payment 付款：, 付款 Payment:): what follows it is the installment.
_LEAD_LABEL = re.compile(r"^[^:：]{0,40}[:：]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _english_only(body: str) -> bool:
    """An installment written in English after a Chinese label (Payment 付款：20% within 10 Business Days
    after contract signing;): the Chinese version beside it states the schedule — this reader's timing words
    are Chinese, so the English one would be counted twice and read without its events."""
    m = _LEAD_LABEL.match(body)
    rest = body[m.end() :] if m else body
    return len(re.findall(r"[A-Za-z]{3,}", rest)) >= 3 and not _CJK.search(rest)


def read_installments(text: str) -> list[RawInstallment]:
    """The installments stated in one sentence (or table row) ``text``, in order (offsets into ``text``)."""
    if not PAY_VERB.search(text) or _TITLE.search(text):
        return []
    if "结算" in text and not PAY_VERB.search(_SETTLE_BASIS.sub("，", text)):
        return []  # 20吨左右，按实际用量结算，每吨3600元: how the price is counted, no payment
    out: list[RawInstallment] = []
    pieces = _pieces(text)
    definition = _DEFINITION.match(text)
    if definition is not None and (
        not any(p.shares or p.amounts for p in pieces)
        or not _STAGE_TERM.search(term := definition.group("term").strip())
        or _PRICE_TERM.search(term)
    ):
        return []  # “合同价格”指买方应支付的全部价款（即人民币…元）: a definition, not a payment
    if not any(p.shares or p.amounts for p in pieces) and _MATTERS_REFERRED.search(text):
        return []  # 其余付款、验收…事项均按框架协议执行: payment left to another agreement
    remedy = _WITHHOLD.search(text)
    before = [p for p in pieces if p.end <= remedy.start()] if remedy else []
    if (
        before
        and not any(p.shares or p.amounts for p in before)
        and _CONDITION_END.search(text, 0, before[-1].end)
    ):
        return []  # 乙方付清全部价款前，甲方有权拒绝交付: a right to withhold, not a payment
    referred = _REFERRED.search(text) is not None
    for g in _groups(text, pieces):
        body = text[g.start : g.end]
        if _english_only(body):
            continue
        if _OFFSET.search(body) and (
            not PAY_VERB.search(_OFFSET.sub("，", body))
            or (_OFFSET_SHARE.search(body) and not _PAYING_ACT.search(body))
        ):
            continue  # 以该金额的20%冲抵预付款 / 按进度款的10%扣回预付款: money set off, not paid
        shares = [s for p in g.pieces for s in p.shares]
        amounts = [a for p in g.pieces for a in p.amounts]
        remainder = any(p.remainder for p in g.pieces) and not shares
        cumulative = bool(_CUMULATIVE.search(body))
        chosen = (shares[-1] if cumulative else shares[0]) if shares else None
        share = chosen[0] if chosen else None
        kind: Kind = (
            "retention"
            if _RETENTION.search(body)
            else ("deposit" if _DEPOSIT_WORD.search(body) else "installment")
        )
        if not _RETENTION.search(body) and (
            any(_SECURITY_SHARE.search(_SECURITY_CONDITION.sub("", text[p.start : p.end])) for p in g.pieces)
            or (_SECURITY_WORD.search(body) and not any(p.shares or p.amounts for p in g.pieces))
        ):
            continue  # 2万元作为履约保证金 / 合同总价10%的保函 / 该保证金…退回: a security, not a payment
        if kind == "retention" and _FROM_EACH.search(body):
            continue  # 每次付款时扣留当期应付款的5%作为质保金: withheld out of the installments, not paid
        raw_timing = read_timing(body)
        if raw_timing.trigger is None and raw_timing.deadline is None and _ALREADY_PAID.search(body):
            continue  # 已按主合同支付的预付款¥75,600.00计入本项: paid before, nothing falls due
        if _PAID_LABEL.match(text, g.start):
            continue  # 已付到货款：人民币851,424.00元（…已兑付）: a settlement's record of money paid
        if not _pays(body, raw_timing):
            continue  # 车价为86万元 / 支付首批货款后享受…: no payment is made here
        timing = _shift(raw_timing, g.start)
        first = g.pieces[0]
        statement = bool(
            timing.trigger is None
            and timing.deadline is None
            and _STATEMENT.search(text[first.start : (amounts[0][2][0] if amounts else first.end)])
        )
        out.append(
            RawInstallment(
                span=(g.start, g.end),
                kind=kind,
                share=share,
                amount=amounts[0] if amounts else None,
                cumulative=cumulative,
                remainder=remainder,
                statement=statement,
                timing=timing,
                vague=tuple(VagueCondition(v.word, _add(v.span, g.start)) for v in find_vague(body)),
                share_span=chosen[1] if chosen else None,
                referred=referred,
            )
        )
    return out


# --- the document -------------------------------------------------------------------------------------------


_TABLE_ROW = re.compile(r"\s*\|")


def _payment_headings(doc: Document) -> set[str]:
    headings = {b.section for b in doc.blocks if b.section}
    return {h for h in headings if _PAYMENT_SECTION.search(h)}


def _in_scope(doc: Document, index: int, headings: set[str], local: frozenset[int] = frozenset()) -> bool:
    block = doc.blocks[index]
    if not headings or block.section in headings or index in local:
        return True
    return bool(_PAYMENT_LABEL.match(block.norm)) or _under_label(doc, index)


#: An article heading the section reader does not see, on a line of its own inside a part (专用条款第4条 付款
#: （对应通用条款第十条）, 附件二第3条 结算方式): a short line, its article number after a few words.
_LOCAL_HEADING = re.compile(
    r"^\W*[\u4e00-\u9fff《》]{0,10}第\s*[\d一二三四五六七八九十]+\s*条\s*(?P<title>[^。；;，,：:]{1,30})$"
)


def _local_payment_blocks(doc: Document, indices: list[int]) -> frozenset[int]:
    """The blocks of ``indices`` under a local article heading naming payment (:data:`_LOCAL_HEADING`), up
    to the next local heading, the next article run in at a paragraph's start (第八条 合同期限与生效：…) or
    the next section the section reader sees; one pass over the blocks."""
    wanted = set(indices)
    out: set[int] = set()
    paying = False
    section = None
    for i, b in enumerate(doc.blocks):
        norm = b.norm
        if b.section != section:  # a section of its own begins: the local heading's scope ends
            section = b.section
            paying = False
        if "条" in norm[:24]:
            if len(norm) <= 48 and (m := _LOCAL_HEADING.match(norm.strip())) is not None:
                paying = _PAYMENT_SECTION.search(_REFERENCE_ASIDE.sub("", m.group("title"))) is not None
                continue
            if paying and (r := _RUN_IN_ARTICLE.match(norm)) is not None:
                paying = _PAYMENT_SECTION.search(_REFERENCE_ASIDE.sub("", r.group("title"))) is not None
        if paying and i in wanted:
            out.add(i)
    return frozenset(out)


#: An article run in at a paragraph's start, its title before a colon (第八条 合同期限与生效：本合同自…).
_RUN_IN_ARTICLE = re.compile(
    r"^\W*[\u4e00-\u9fff《》]{0,10}第\s*[\d一二三四五六七八九十百]+\s*条\s*(?P<title>[^。；;，,：:]{1,30})[：:]"
)


#: The part of a title pointing to another article (（对应通用条款第十条）): not what the article is about.
_REFERENCE_ASIDE = re.compile(r"[（(][^)）]*[)）]")


#: A payment label closing its clause's head (专用条款第6条（对应通用条款第十条） 付款方式：), the items
#: below it ((1)预付款：… (2)到货款：…) stating the schedule; the section reader may not see a heading there.
#: Its head may name two aspects joined (付款比例及期限：, 支付方式和时间：).
_LABEL_ASPECT = r"(?:安排|方式|条件|期限|进度|节点|计划|比例|时间|金额)"
_LABEL_AT_END = re.compile(
    rf"(?:付款|支付|结算){_LABEL_ASPECT}?(?:[及和与、]{_LABEL_ASPECT})?(?:如下)?\s*[:：]\s*$"
)
_LIST_ITEM = re.compile(
    r"^\s*(?:[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[)）、]|[①②③④⑤⑥⑦⑧⑨⑩]|[a-h][.)）])"
)
_LIST_MAX = 8


def _under_label(doc: Document, index: int) -> bool:
    """True when block ``index`` is an item of a list opened by a payment label (…付款方式：)."""
    blocks = doc.blocks
    if not _LIST_ITEM.match(blocks[index].norm):
        return False
    for j in range(index - 1, max(-1, index - _LIST_MAX - 1), -1):
        norm = blocks[j].norm
        if _LABEL_AT_END.search(norm) is not None:
            return True  # the label, numbered itself or not (（三）支付方式和时间：)
        if _LIST_ITEM.match(norm):
            continue
        return False
    return False


def _money(value: Decimal, currency: str, where: Where) -> Money:

    return Money(value, currency, where)


def _prose_locator(block: int, base: int) -> Locate:
    return lambda span: Where(block, (base + span[0], base + span[1]))


def _cells_locator(parts: list[Cell], sep: int = 1) -> Locate:
    """Spans of joined text (the parts joined by ``sep`` characters) mapped back to the part they start in."""
    starts = []
    pos = 0
    for p in parts:
        starts.append(pos)
        pos += len(p.text) + sep

    def locate(span: tuple[int, int]) -> Where:
        k = max(j for j, st in enumerate(starts) if st <= span[0]) if span[0] >= 0 else 0
        cell = parts[k]
        a = span[0] - starts[k]
        b = min(span[1] - starts[k], len(cell.text))
        if cell.span == (0, 0) or cell.span[1] - cell.span[0] != len(cell.text):
            return Where(cell.block, cell.span)  # a Word cell of several paragraphs: the whole cell
        return Where(cell.block, (cell.span[0] + a, cell.span[0] + max(a, b)))

    return locate


#: A PDF line that starts a new item (1 / 1.2 / （三） / 二、 / 第五条 / ①): it does not continue the last.
_NEW_ITEM = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*(?:\s+|[.、．])(?!\s*(?:个|日|天|%|元|万|月|年|小时|工作日|周))|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.]|"
    r"第[一二三四五六七八九十百\d]+[条章节]|[①②③④⑤⑥⑦⑧⑨⑩])"
)
_ENDS = ("。", "；", ";", ":", "：")


def _paragraphs(doc: Document, indices: list[int]) -> list[list[int]]:
    """Runs of block indices read as one text: a PDF line wrapped onto the next lines joins them."""
    if doc.kind != "pdf":
        return [[i] for i in indices]
    out: list[list[int]] = []
    wanted = set(indices)
    i = 0
    blocks = doc.blocks
    while i < len(blocks):
        if i not in wanted:
            i += 1
            continue
        run = [i]
        while (
            run[-1] + 1 < len(blocks)
            and blocks[run[-1]].kind == "line"
            and blocks[run[-1] + 1].kind == "line"
            and not blocks[run[-1]].norm.rstrip().endswith(_ENDS)
            and not _NEW_ITEM.match(blocks[run[-1] + 1].norm)
            and len(run) < 6
        ):
            run.append(run[-1] + 1)
        out.append(run)
        i = run[-1] + 1
    return out


def _installment(raw: RawInstallment, locate: Locate) -> Installment:
    amount = None
    if raw.amount is not None:
        v, c, span = raw.amount
        amount = _money(v, c, locate(span))
    return Installment(
        where=locate(raw.span),
        kind=raw.kind,
        share=raw.share,
        amount=amount,
        cumulative=raw.cumulative,
        remainder=raw.remainder,
        statement=raw.statement,
        trigger=_event(raw.timing, locate),
        deadline=_due(raw.timing, locate),
        vague=_vague(raw.vague, locate),
        share_where=None if raw.share_span is None else locate(raw.share_span),
        referred=raw.referred,
    )


_NOT_WORD = re.compile(r"\W|^[\d.]+")


def _prose_installments(doc: Document, headings: set[str]) -> list[Installment]:
    from contractkit.checks._common import block_indices_naming

    out: list[Installment] = []
    unread: list[tuple[str, Locate]] = []
    seen: set[str] = set()
    named = block_indices_naming(doc, PAY_GATE + RETENTION_WORDS)
    if headings and doc.kind == "pdf":
        # in a payment section every line counts (a PDF table row wraps onto lines without 付); elsewhere a
        # block is read alone, and one naming no payment word (PAY_GATE holds every literal of PAY_VERB)
        # states no installment
        named = sorted(set(named) | {i for i, b in enumerate(doc.blocks) if b.section in headings})
    local = _local_payment_blocks(doc, named) if headings else frozenset()
    indices = [
        i
        for i in named
        if doc.blocks[i].kind != "cell"
        and _in_scope(doc, i, headings, local)
        and not _TABLE_ROW.match(doc.blocks[i].norm)  # a text table row: read as a table
    ]
    indices = sorted(set(indices) | set(_key_term_cells(doc, named)))
    for run in _paragraphs(doc, indices):
        parts = [Cell(doc.blocks[j].norm, j, (0, len(doc.blocks[j].norm)), 0) for j in run]
        text = "".join(p.text for p in parts)
        locate_text = _cells_locator(parts, sep=0)
        stated: int | None = None  # the index in ``out`` of this paragraph's last untimed statement
        for s, e in clause_spans(text):
            sentence = text[s:e]
            if not PAY_VERB.search(sentence):
                continue  # no payment act: no installment, and nothing for _named_installments
            key = _NOT_WORD.sub("", sentence)
            if key in seen:
                continue  # a schedule restated (a table in prose) counts once
            seen.add(key)
            locate = _shifted_locator(locate_text, s)
            raws = read_installments(sentence)
            if not raws and stated is not None and (timed := _pays_stated(sentence)) is not None:
                out[stated] = dataclasses.replace(
                    out[stated],
                    statement=False,
                    trigger=_event(timed, locate),
                    deadline=_due(timed, locate),
                )  # 投运款：合同总价的30%，即…元。买方在…签署后30日内…支付。: its time follows it
                stated = None
                continue
            out.extend(_installment(raw, locate) for raw in raws)
            stated = (
                len(out) - 1
                if len(raws) == 1 and raws[0].statement and raws[0].timing.trigger is None
                else None
            )
            if not raws:
                unread.append((sentence, locate))
    named_ones = _named_installments(doc, unread)
    if named_ones:  # the definitions state the shares the named installments pay: count them once
        names = {m.group("name") for i in named_ones if (m := _NAMED.match(_norm_of(doc, i.where)))}
        out = [
            i
            for i in out
            if not (i.statement and _DEFINED_SHARE.search(_norm_of(doc, i.where)))
            and not _names_stage(doc, i, names)
        ]
    return out + named_ones


def _pays_stated(sentence: str) -> Timing | None:
    """The timing of a sentence that pays, with no share or amount of its own, what the sentence before it
    stated (10.3 投运款：合同总价的30%，即人民币…元。买方在《投运验收证书》签署后30日内，通过…支付。), None
    when it pays nothing, states a figure, or is a consequence (甲方未在…后10日内支付的，…违约金)."""
    if _CONSEQUENCE.search(sentence) or _FAILED_PAY.search(sentence) or _WITHHOLD.search(sentence):
        return None
    if find_percents(sentence) or _amounts(sentence):
        return None
    timing = read_timing(sentence)
    return timing if timing.trigger is not None else None  # a bare period (30日内支付) starts from nothing


def _names_stage(doc: Document, inst: Installment, names: set[str]) -> bool:
    """An installment with no time of its own that names the stage it is (合同价格的30%（“预付款”）) when a
    later sentence pays that stage by its name (预付款应在生效日后10个工作日内支付): one installment, its
    share here and its time there."""
    if inst.trigger is not None or inst.deadline is not None:
        return False
    return any(m.group("name") in names for m in _SHARE_NAMED.finditer(_norm_of(doc, inst.where)))


#: The label of a key-terms row (合同要素表: 付款 | (1)预付款：… ) whose value cell is prose to read.
_KEY_LABEL = re.compile(
    # a row number or clause number may lead it (5 | 付款, 第六条 付款方式, 二、结算方式)
    r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2})*|第?[一二三四五六七八九十]{1,3}[条项]?)\W*)?"
    r"(?:付款|支付|结算|价款支付|合同价款支付)(?:方式|条件|安排|进度|节点|计划|期限|约定)?\W*$"
)


def _key_term_cells(doc: Document, named: list[int]) -> list[int]:
    """The cells of ``named`` that are the value of a key-terms row labelled as payment (6 | 付款 | …): prose
    sentences in a cell, read like paragraphs (a schedule table with 比例/条件 columns is read as a table)."""
    cells = [i for i in named if doc.blocks[i].kind == "cell"]
    if not cells:
        return []

    def key(i: int) -> tuple[object, ...]:
        loc = doc.blocks[i].location
        return (loc.part, loc.table, loc.row)

    wanted = {key(i) for i in cells}
    rows: dict[tuple[object, ...], dict[int, list[int]]] = {}  # row → cell number → its blocks
    for j, b in enumerate(doc.blocks):
        if b.kind == "cell" and key(j) in wanted:
            rows.setdefault(key(j), {}).setdefault(b.location.cell or 0, []).append(j)
    out = []
    for i in cells:
        row, c = rows[key(i)], doc.blocks[i].location.cell or 0
        before = [n for n in row if n < c]
        if not before:
            continue  # the first cell: a label or a number, not a value
        label = " ".join(doc.blocks[j].norm.strip() for j in row[max(before)])
        if _KEY_LABEL.match(label):
            out.append(i)
    return out


def _norm_of(doc: Document, where: Where) -> str:
    return doc.blocks[where.block].norm[where.span[0] : where.span[1]]


#: A defined payment stage: “验收款”：指合同价格的20% / 预付款是指合同总价的30%.
_DEFINED_SHARE = re.compile(
    r"[“\"「]?(?P<name>[\u4e00-\u9fff]{1,6}(?:款|金))[”\"」]?\s*[:：]?\s*(?:是指|系指|指)"
    r"[^。；;]{0,30}?(?P<pct>\d+(?:\.\d+)?)\s*%"
)
#: A share that names its stage in brackets after it, in the translated style (合同价格的百分之三十(30%)
#: （“预付款”）, 合同总价的20%（以下简称“首付款”）).
_SHARE_NAMED = re.compile(
    r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*[)）]?\s*[（(]\s*(?:以下(?:简)?称|下称|简称|即)?\s*[“\"「]"
    r"(?P<name>[\u4e00-\u9fff]{1,6}(?:款|金))[”\"」]\s*[)）]"
)
_NAMED = re.compile(r"^[\s\d.、)）(（]*(?P<name>[\u4e00-\u9fff]{1,6}(?:款|金))")


def _named_installments(doc: Document, unread: list[tuple[str, Locate]]) -> list[Installment]:
    """Sentences that pay a stage defined elsewhere (“验收款”指合同价格的20%; 验收款在终验后10日内支付)."""
    from contractkit.checks._common import block_indices_naming

    named = [(s, loc, m) for s, loc in unread if (m := _NAMED.match(s)) is not None and PAY_VERB.search(s)]
    if not named:
        return []  # no sentence pays a stage by its name: the definitions are not read
    defined: dict[str, Decimal] = {}
    for i in block_indices_naming(doc, ("指", "“", '"', "「")):
        norm = doc.blocks[i].norm
        for m in (*_DEFINED_SHARE.finditer(norm), *_SHARE_NAMED.finditer(norm)):
            defined.setdefault(m.group("name"), Decimal(m.group("pct")))
    out: list[Installment] = []
    for sentence, locate, m in named:
        if m.group("name") not in defined:
            continue
        timing = read_timing(sentence)
        raw = RawInstallment(
            span=(0, len(sentence)),
            kind="retention" if _RETENTION.search(sentence) else "installment",
            share=defined[m.group("name")],
            amount=None,
            cumulative=False,
            remainder=False,
            statement=False,
            timing=timing,
            vague=tuple(find_vague(sentence)),
        )
        out.append(_installment(raw, locate))
    return out


def _shifted_locator(locate: Locate, base: int) -> Locate:
    return lambda span: locate((span[0] + base, span[1] + base))


_TABLE_SHARE = re.compile(r"比例|金额|款项|支付额|付款额")
_TOTAL_ROW = re.compile(r"合计|总计")
_TABLE_WHEN = re.compile(r"条件|期限|时间|节点|日期")


def _table_installments(contract: Contract) -> list[Installment]:
    """Installments of payment tables: one per row, its cells read as one text."""

    out: list[Installment] = []
    for table in tables_of(contract):
        header = " ".join(table.header)
        if not (_TABLE_SHARE.search(header) and _TABLE_WHEN.search(header)):
            out.extend(_text_key_terms(contract.doc, table))
            continue
        amount_col = next((k for k, h in enumerate(table.header) if "金额" in h), None)
        for row in table.rows:
            if not row.parts or _TOTAL_ROW.search(row.parts[0].text):
                continue
            text, parts = row.joined()
            probe = text if PAY_VERB.search(text) else text + "，支付"
            raws = read_installments(probe)
            row_amount = (
                cell_number(parts[amount_col].text)
                if amount_col is not None and amount_col < len(parts)
                else None
            )
            if not raws and row_amount is None:
                continue
            bare = _bare_row(text)  # one row is one installment: its timing is read over the whole row
            raw = RawInstallment(
                span=(0, len(text)),
                kind="retention" if any(r.kind == "retention" for r in raws) else bare.kind,
                share=next((r.share for r in raws if r.share is not None), None),
                share_span=next((r.share_span for r in raws if r.share is not None), None),
                amount=next((r.amount for r in raws if r.amount is not None), None),
                cumulative=any(r.cumulative for r in raws),
                remainder=any(r.remainder for r in raws),
                statement=False,
                timing=bare.timing,
                vague=bare.vague,
            )
            locate = _cells_locator(parts)
            inst = _installment(raw, locate)
            when = next(
                (
                    p
                    for p in parts
                    if p.column < len(table.header) and _TABLE_WHEN.search(table.header[p.column])
                ),
                None,
            )
            if when is not None:
                inst = dataclasses.replace(inst, where=Where(when.block, when.span))
            if inst.amount is None and amount_col is not None and amount_col < len(parts):
                value = cell_number(parts[amount_col].text)
                if value is not None:
                    cell = parts[amount_col]
                    inst = dataclasses.replace(
                        inst, amount=_money(value, "CNY", Where(cell.block, cell.span))
                    )
            out.append(inst)
    return out


def _text_key_terms(doc: Document, table: Table) -> list[Installment]:
    """A text-drawn key-terms table (| 付款 | 合同签订后5日内支付30%；… |): the value of a row labelled as
    payment read as prose (Word tables are read cell by cell with the paragraphs, :func:`_key_term_cells`)."""
    out: list[Installment] = []
    for row in table.rows:
        cells = [c for c in row.parts if c.text.strip()]
        label = next((k for k, c in enumerate(cells) if not _NOT_WORD.fullmatch(c.text.strip())), None)
        if label is None or not _KEY_LABEL.match(cells[label].text):
            continue
        for cell in cells[label + 1 :]:
            if cell.span == (0, 0) or doc.blocks[cell.block].kind == "cell":
                continue
            locate_cell = _prose_locator(cell.block, cell.span[0])
            for a, b in clause_spans(cell.text):
                locate = _shifted_locator(locate_cell, a)
                out.extend(_installment(raw, locate) for raw in read_installments(cell.text[a:b]))
    return out


def _bare_row(text: str) -> RawInstallment:
    """A schedule row with a bare number in its amount column (| 第1期 | 1月25日前 | 115,500 |)."""
    return RawInstallment(
        span=(0, len(text)),
        kind="retention" if _RETENTION.search(text) else "installment",
        share=None,
        amount=None,
        cumulative=False,
        remainder=False,
        statement=False,
        timing=read_timing(text),
        vague=tuple(find_vague(text)),
    )


_RELEASE_VERB = re.compile(r"退还|返还|退回|释放|支付|付清|结清|归还|返回|付给|拨付|付款")
_RETURNS = re.compile(r"退还|返还|退回|释放|归还|无息")
#: No retention money held (不扣留质保金, 本合同不再另行扣留现金质量保证金, 无质保金, 不设保固金):
#: the negation, perhaps an adverb (另行, 再, 单独) and the act, then a form (现金, 任何) — not
#: 无息退还质保金.
_NO_RETENTION = re.compile(
    r"(?:不|无|免|不再|不予|未)(?:另行|另外|再|单独|额外|另)?"
    r"(?:(?:扣留|预留|保留|设置?|收取|扣除|留|预扣|暂扣|扣|收|提取)(?:任何|现金|现金形式的|其他)?)?"
    r"(?:质保金|质量保证金|保修金|质量保修金|质保款|保固金|保固款)"
)
#: Retention taken out of each payment (每次付款时扣留当期应付款的5%): a part of the shares, not one more.
_FROM_EACH = re.compile(
    r"(?:每次|每期|每笔|当期|各期|该期|每批|各笔)[^，,。；;]{0,8}?(?:应付款|应付|付款|支付|货款|款项)[^，,。；;]{0,4}?的?\s*\d"
)
_HELD = re.compile(r"留存|预留|保留|扣留|暂扣|扣押|暂留|留置|不予")
#: Where a release is stated elsewhere: the table above, a schedule, an annex, an article (返还条件见上表,
#: 按附件3约定的条件退还, 退还方式详见第5.3条, 释放安排见付款计划表).
_REFERENCE_PLACE = (
    r"(?:上表|下表|前表|附表|本表|附件|附录|表\s*\d|[一二三四五六七八九十\d]+\s*表|(?:付款|支付)(?:计划|进度|安排)表"
    r"|(?:本合同|本协议)?第\s*[\d一二三四五六七八九十]+(?:\.\d+)*\s*[条款项]|专用条款|通用条款|特殊条款|合同要素表)"
)
_RELEASE_BY_REFERENCE = re.compile(
    r"(?:返还|退还|退回|释放|归还|支付|返回)(?:的)?(?:条件|时间|期限|方式|办法|安排|节点|程序)?[^。；;，,]{0,4}?"
    rf"(?:见|按|依|详见|参见|参照|按照|依照|适用|同)[^。；;]{{0,6}}?{_REFERENCE_PLACE}"
    rf"|(?:见|按|依|详见|参照|按照|依照)[^。；;]{{0,6}}?{_REFERENCE_PLACE}[^。；;]{{0,16}}?(?:返还|退还|退回|释放|归还)"
)


def _reference_words(sent: str) -> bool:
    """A cheap gate for :data:`_RELEASE_BY_REFERENCE`: a place word the reference needs."""
    return any(w in sent for w in ("表", "附件", "附录", "第", "条款"))


def _retention_figures(
    sent: str,
) -> tuple[list[tuple[Decimal, tuple[int, int]]], list[tuple[Decimal, str, tuple[int, int]]]]:
    """The share and amount of the retention: those of the piece naming it (a schedule row "质保金 5% …"),
    else of the piece before it (合同总价的5%作为质保金), else of the sentence."""
    pieces = _comma_pieces(sent)
    for k, (_start, piece) in enumerate(pieces):
        if _RETENTION.search(piece):
            for st, pc in (pieces[k], *pieces[max(0, k - 1) : k]):
                shares, amounts = _shares(pc), _amounts(pc)
                if shares or amounts:
                    shift = [(v, (a + st, b + st)) for v, (a, b) in shares]
                    return shift, [(v, c, (a + st, b + st)) for v, c, (a, b) in amounts]
            break
    return _shares(sent), _amounts(sent)


def _release_start(sent: str) -> int:
    """Where the text that may release the retention named in ``sent`` starts: after the last piece before
    it that pays a share of its own (验收合格后30日内支付95%，5%作为质保金由买方留存), else 0."""
    if not _RETENTION.search(sent):
        return 0
    pieces = _comma_pieces(sent)
    k = next(n for n, (_a, pc) in enumerate(pieces) if _RETENTION.search(pc))
    own = {v for v, _ in _shares(pieces[k][1])} or (
        {v for v, _ in _shares(pieces[k - 1][1])} if k > 0 else set()
    )
    for j in range(k - 1, -1, -1):
        shares = {v for v, _ in _shares(pieces[j][1])}
        if shares and not shares & own and PAY_VERB.search(pieces[j][1]):
            return pieces[j + 1][0]
    return 0


def _retentions(doc: Document) -> list[Retention]:
    """Every retention statement, with the sentence (the same or a later one naming it) that releases it."""
    from contractkit.checks._common import block_indices_naming

    out: list[Retention] = []
    blocks = doc.blocks
    sentences = [
        (i, s, e, blocks[i].norm[s:e])
        for i in block_indices_naming(doc, RETENTION_WORDS)
        for s, e in clause_spans(blocks[i].norm)
    ]
    # a release sentence names the retention, or follows it and returns something (质保期届满后返还乙方) — in
    # the next blocks, or in its own block after it (保固金…作为保固金；…届满之日起10个工作日内无息支付。)
    after = [x for x in sentences if not _RETENTION.search(x[3])]
    sentences = [x for x in sentences if _RETENTION.search(x[3])]
    named = {i for i, *_ in sentences}
    first_named = {i: min(s for j, s, *_ in sentences if j == i) for i in named}
    follow = [
        (j, s, e, blocks[j].norm[s:e])
        for j in sorted({k for i in named for k in (i + 1, i + 2) if k < len(blocks)} - named)
        for s, e in clause_spans(blocks[j].norm)
    ] + [x for x in after if x[1] > first_named.get(x[0], len(blocks[x[0]].norm))]
    releases = []
    for i, s0, e, whole in sorted(sentences + [x for x in follow if _RETURNS.search(x[3])]):
        cut = _release_start(whole)  # 验收后30日内支付95%，5%作为质保金…: that timing is the 95 %'s
        s, sent = s0 + cut, whole[cut:]
        timing = read_timing(sent)
        if timing.trigger is None and timing.deadline is None:
            ref = _RELEASE_BY_REFERENCE.search(sent) if _reference_words(sent) else None
            if ref is not None:  # 返还条件见上表 / 按附件3约定的条件退还: released where it points
                releases.append((i, s + ref.start(), s + ref.end(), timing))
            continue
        if _RELEASE_VERB.search(sent) or (timing.trigger is not None and timing.deadline is not None):
            releases.append((i, s, e, timing))  # a schedule row (质保金 10% 质保期满之日起30日内) releases it
    used: set[tuple[int, int]] = set()
    for i, s, e, sent in sentences:
        if (i, s) in used:
            continue
        if _NO_RETENTION.search(sent):
            continue  # 本合同不扣留质保金
        shares, amounts = _retention_figures(sent)
        if not (shares or amounts or _HELD.search(sent) or "作为" in sent):
            continue
        end = e
        for j, s2, e2, _sent2 in sentences:
            if j == i and s2 > s:
                end = e2  # the retention statement runs on in the sentences of its block that name it
                used.add((j, s2))
        release = next(((j, s2, e2, t) for j, s2, e2, t in releases if (j, s2) >= (i, s)), None)
        if release is None:
            release = next(iter(releases), None)  # released in an earlier clause (质保金的返还 first)
        rel_where = rel_trigger = rel_due = None
        if release is not None:
            j, s2, e2, timing = release
            locate = _prose_locator(j, s2)
            rel_where = Where(j, (s2, e2))
            rel_trigger = _event(timing, locate)
            rel_due = _due(timing, locate)
        amount = None
        if amounts:
            v, c, (a, b) = amounts[0]
            amount = _money(v, c, Where(i, (s + a, s + b)))
        out.append(
            Retention(
                where=Where(i, (s, end)),
                share=shares[0][0] if shares else None,
                amount=amount,
                release=rel_where,
                release_trigger=rel_trigger,
                release_deadline=rel_due,
                from_installments=bool(_FROM_EACH.search(blocks[i].norm[s:end])),
            )
        )
    return out


#: A defined term naming a payment stage (“预付款”, “质量保证金”, “定金”): its definition may state the
#: stage's share; a term naming the price itself (“合同价格”, “合同金额”) defines what is paid, not when.
_STAGE_TERM = re.compile(r"(?:款|金)$")
_PRICE_TERM = re.compile(r"价|金额|总额|总计|合计")


def _definition_bodies(contract: Contract) -> dict[int, list[tuple[int, int]]]:
    """Block → spans of the definitions (structure facts) whose term is not a payment stage."""
    try:
        definitions = contract.structure.definitions
    except (AttributeError, ModuleNotFoundError):
        return {}
    out: dict[int, list[tuple[int, int]]] = {}
    for term, d in definitions.items():
        if _STAGE_TERM.search(term) and not _PRICE_TERM.search(term):
            continue
        out.setdefault(d.body.block, []).append(d.body.span)
    return out


def _defines(inst: Installment, bodies: dict[int, list[tuple[int, int]]]) -> bool:
    """The installment lies in a definition of a term that is no payment stage (“合同价格”指…即人民币…元)."""
    a, b = inst.where.span
    return any(s <= a and b <= e for s, e in bodies.get(inst.where.block, ()))


def _retention_statement(inst: Installment) -> bool:
    """Retention money stated with no event or deadline (质量保证金比例为合同价格的5%，返还条件见上表): a
    retention fact (held, then released), not an installment paid; its share is counted once, as the
    retention's (:meth:`PaymentFacts.separate_retentions`)."""
    return inst.kind == "retention" and inst.trigger is None and inst.deadline is None and not inst.vague


#: The instruments, each as the draft may write it (the Latin ones as words of their own).
_INSTRUMENTS: tuple[tuple[InstrumentKind, str], ...] = (
    ("letter_of_credit", r"信用证|\bL/?C\b"),
    ("collection", r"托收|\bD/[PA]\b"),
    ("telegraphic_transfer", r"电汇|汇款|汇付|\bT/T\b|\bTT\b|\bSWIFT\b"),
    ("transfer", r"转账"),
    ("draft", r"承兑汇票"),
    ("cheque", r"支票"),
    ("cash", r"现金"),
)
_INSTRUMENT = re.compile(
    "|".join(f"(?P<i{k}>{p})" for k, (_kind, p) in enumerate(_INSTRUMENTS)), re.IGNORECASE
)


def _instruments(doc: Document) -> list[Instrument]:
    """Every payment instrument the draft names, in order (one scan of its blocks)."""
    out: list[Instrument] = []
    for i, block in enumerate(doc.blocks):
        for m in _INSTRUMENT.finditer(block.norm):
            kind = _INSTRUMENTS[int(m.lastgroup[1:])][0]  # type: ignore[index]
            out.append(Instrument(kind, m.group(), Where(i, m.span())))
    return out


def extract(contract: Contract) -> PaymentFacts:
    """The payment facts of ``contract``."""
    doc = contract.doc
    headings = _payment_headings(doc)
    installments = _prose_installments(doc, headings) + _table_installments(contract)
    bodies = _definition_bodies(contract)
    installments = [i for i in installments if not _retention_statement(i) and not _defines(i, bodies)]
    installments.sort(key=lambda x: (x.where.block, x.where.span))
    return PaymentFacts(
        total=contract.amount.total,
        installments=tuple(installments),
        retentions=tuple(_retentions(doc)),
        instruments=tuple(_instruments(doc)),
    )
