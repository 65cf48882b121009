# ruff: noqa: E501  -- regex tables: breaking a pattern mid-alternative hurts more than a long line
"""What workers demand, per language, mapped to FORMAT.md demand codes.

``STRONG`` phrases name a demand by themselves ("back pay", "задолженность по
зарплате"); ``WEAK`` single words ("pay", "jobs", "conditions") count only in
a sentence that says something is demanded — a union's slogan "jobs, pay and
conditions" is not a demand of this strike.
"""

from __future__ import annotations

from picketline.domain.vocab import Demand

D = Demand

STRONG: dict[str, list[tuple[str, Demand]]] = {
    "en": [
        (
            r"\bback[- ]?pay\b|\bunpaid (?:wages|salar\w+|pay)\b|\b(?:wage|salary|pay) arrears\b"
            r"|\barrears\b|\boverdue (?:wages|salar\w+|pay)\b|\bowed (?:wages|salar\w+|pay)\b"
            r"|\b(?:wages|salar\w+|pay) (?:still |they are |that are )?(?:owed|due)\b|\bnot been paid\b|\bwithout (?:pay|wages"
            r"|salar\w+)\b|\b(?:pay ?cheques|paychecks|salaries) (?:bounced|delayed)\b"
            r"|\bwhere are our salaries\b|\bowes?\b[^.]{0,40}\b(?:rubles|dollars|rand|wages|workers)"
            r"|\blate payment of (?:wages|salar\w+)\b|\bnon-?payment\b|\bpending (?:wages|salar\w+|pay|dues)\b"
            r"|\b(?:bonus\w*|wages|salar\w+|pay|allowances?)\b[^.]{0,30}\b(?:withheld|held back|not been paid)\b"
            r"|\boutstanding (?:\w+ )?(?:wages|salar\w+|pay|payments|bonus\w*)\b|\bmonths? of (?:unpaid )?(?:wages|salar\w+) (?:owed|unpaid)\b"
            r"|\bwithh[eo]ld\w* (?:\w+ ){0,4}(?:bonus\w*|wages|pay|salar\w+|allowances?)\b"
            r"|\b(?:wages|salar\w+|pay)\b[^.]{0,30}\b(?:gone|went|go|remain\w*|left|been) unpaid\b"
            r"|\bdelay(?:s|ed|ing)? (?:\w+ ){0,2}(?:wages|salar\w+|pay(?:ments)?)\b"
            r"|\b(?:failed|fail\w*|refus\w*|unable) to pay (?:them|the workers|workers|staff|employees|their|its|wages|salar\w+)\b"
            r"|\b(?:has|have|had) not (?:been )?paid (?:them|the workers|workers|staff|employees|wages|salar\w+|for)\b|\bnot (?:been )?paid (?:for|since)\b"
            r"|\bpay (?:\w+ ){0,2}(?:salar\w+|wages) for (?:the )?(?:past |last |previous )?(?:\w+ )?(?:months?|weeks?|january|february|march|april|may|june|july|august|september|october|november|december)\b",
            D.UNPAID_WAGES,
        ),
        (
            r"\b(?:pay|wage|salary) (?:rise|increase|hike|raise|claim|demand|offer|cut|freeze|deal"
            r"|parity|dispute|talks)s?\b|\b(?:higher|better|decent|fair) (?:pay|wages|salar\w+)\b"
            r"|\b\d+(?:[.,]\d+)? ?(?:%|per ?cent|percent) (?:wage |pay |salary )?(?:increase|rise"
            r"|hike|raise)\b|\bminimum wage\b|\bliving wage\b|\bmonthly salary of\b|\bwage cuts?\b"
            r"|\bincrease in (?:pay|wages|salar\w+)\b|\bwage (?:increases|demands)\b|\b(?:falling|lower|cut|cuts"
            r" (?:in|to)|reduc\w+ (?:in|of)) (?:pay|rates|fees|wages|tariffs|piece rates)\b|\bminimum (?:fee|rate)\b"
            r"|\bhonorarium\b|\bpay (?:parity|equality)\b|\bequal pay\b|\b(?:shift|night|overtime) (?:premiums?|pay)\b"
            r"|\b(?:raise[sd]?|increase[sd]?|lift(?:s|ed)?) (?:\w+ ){0,2}(?:wages|pay|salar\w+)\b"
            r"|\b(?:retention|recruitment|cost-of-living|one-off|lump-sum) (?:payments?|bonus\w*|supplements?)\b",
            D.PAY,
        ),
        (
            r"\blay-?offs?\b|\blaid off\b|\bjob (?:cuts|losses|security)\b|\bredundanc\w+|\bretrench\w+"
            r"|\bmass dismissals\b|\b(?:mine|plant|factory|hospital|depot|mill|site) closures?\b"
            r"|\bclos(?:e|ing|ure of) (?:the |down )?(?:mine|plant|factory|hospital|depot|mill|site|ward)s?\b"
            r"|\bprivati[sz]\w+|\boutsourc\w+|\blose (?:their|our) jobs\b|\bmerg(?:er|ing) of the\b"
            r"|\brestructur\w+|\bcut(?:ting)? (?:\d+|hundreds of|thousands of) (?:jobs|posts|positions|roles)\b"
            r"|\b(?:dismissal|sacking|firing)s? of (?:\d+|their|the|some|hundreds)\b|\bjob losses\b|\bshut ?down of\b"
            r"|\brehir\w+",
            D.JOBS,
        ),
        (
            r"\bworking conditions\b|\b(?:health and )?safety\b|\bworking hours\b|\bworkloads?\b"
            r"|\bstaffing levels\b|\bunderstaff\w+|\bshorter (?:hours|week)\b|\bheat\b|\bventilation\b"
            r"|\bprotective (?:equipment|gear)\b|\bPPE\b|\bstaff shortages?\b|\b(?:rest|toilet|meal|lunch|tea|paid|more|longer|regular|\d+-minute) breaks\b|\bbreaks (?:for|between|during)\b|\btemperatures?\b"
            r"|\b(?:safe|unsafe|minimum) staffing\b|\b(?:\d+|twelve|long|longer|extra|night)[- ]hour shifts\b|\bfatigue\b"
            r"|\brosters?\b|\b(?:forced|mandatory|compulsory) overtime\b|\bunsafe\b|\bharassment\b|\bbullying\b|\btoilet breaks\b"
            r"|\b(?:shorter|length of|longer) (?:shifts|working week)\b|\b(?:nurse|staff)-to-patient ratios?\b|\bratios\b"
            r"|\b(?:smaller|overcrowded) classes\b|\bclass sizes?\b|\b(?:hire|hiring|recruit\w*) (?:more|additional|extra)\b|\bmore (?:teachers|nurses|staff|doctors|drivers)\b",
            D.CONDITIONS,
        ),
        (
            r"\bcollective (?:agreement|bargaining)\b|\bcontract (?:talks|negotiations)\b|\bcasuali[sz]\w+|\blabou?r"
            r" brok\w+|\bpermanent (?:jobs|employment|contracts)\b|\bzero-hours\b|\bfixed-term\b"
            r"|\bpart-time (?:employees|workers)\b|\b(?:made|make them|be made) permanent\b|\bregulari[sz]\w+|\bpermanent status\b"
            r"|\b(?:employed|hired) directly\b|\bdirect employment\b|\bin-?house\b|\binsourc\w+"
            r"|\b(?:temporary|short-term|rolling) contracts?\b|\bthrough (?:an? |labou?r )?agenc(?:y|ies)\b"
            r"|\bcontract labou?r\b|\bgig (?:work|economy) status\b|\bemployee status\b|\bfalse self-employment\b",
            D.CONTRACT,
        ),
        (
            r"\bunion recognition\b|\brecogni[sz]\w* (?:the |their |our )?union\b|\breinstat\w+"
            r"|\brecogni[sz]\w* (?:the |their |our )?(?-i:[A-Z][A-Za-z]*[A-Z]\w*)\b|\brecognition of (?:the |their )?(?:[\w-]+ ){0,2}union\b"
            r"|\bvictimi[sz]\w+|\bright to organi[sz]e\b",
            D.UNION_RIGHTS,
        ),
        (
            r"\bpensions?\b|\ballowances?\b|\bbonus(?:es)?\b|\bmedical aid\b|\bhousing subsid\w+"
            r"|\bholiday pay\b|\b13th (?:cheque|salary|month)\b|\bwage premium\b|\binsurance\b|\bsick pay\b"
            r"|\bhealth (?:plan|care|cover|benefits)\b",
            D.BENEFITS,
        ),
        (
            r"\brelease of (?:the |their |all )?(?:\w+ )?(?:detained|arrested|jailed|imprisoned)\b|\bfree (?:the |their |all )?(?:\w+ )?(?:detained"
            r"|arrested|jailed|imprisoned)\b|\b(?:release|free) (?:the |their |all )?(?:detainees|prisoners|political prisoners)\b"
            r"|\b(?:release|freedom) of (?:the |their |all )?(?:union leaders?|organi[sz]ers|colleagues|comrades|activists)\b",
            D.RELEASE,
        ),
        (r"\bresignations? of\b|\bto resign\b", D.POLITICAL),
    ],
    "ru": [
        (
            r"\b(?:долг\w*|задолженност\w*|задолжал\w*) (?:\w+ ){0,2}?(?:по |перед )?(?:заработной плат\w*|зарплат\w*"
            r"|работник\w*|рабочи\w*|шахт[её]р\w*|горняк\w*|выплат\w*|доплат\w*|преми\w*|надбав\w*)|\bневыплат\w*"
            r"|\bзадержанн\w+ (?:заработн\w+ плат\w*|зарплат\w*|выплат\w*)|\bне плат\w+ (?:\w+ )?(?:зарплат|заработн)\w*"
            r"|\bдолг\w* перед (?:трудов\w+ )?коллектив\w*"
            r"|\bзадерж(?:к\w+|ек) (?:\w+ )?(?:заработной плат\w*|зарплат\w*|выплат\w*)|\bне выплат\w*"
            r"|\bперебо\w+ с (?:выплат|зарплат)\w*|\bвыплат\w* (?:всех )?долг\w*"
            r"|\bпогас\w* (?:долг|задолженност)\w*|\bдолги по зарплате\b"
            r"|\bвыплат(?:ить|ят|или|ы) (?:им |всем |работникам )?(?:зарплат|заработн)\w*(?: \w+)? за\b"
            r"|\bне (?:выда|получа|получи|плат|выплачива|перечисля)\w* (?:\w+ )?(?:зарплат|заработн|деньг|расч[её]т)\w*"
            r"|\b(?:зарплат|заработн)\w* (?:\w+ ){0,3}не (?:выда|плат|выплач|перечисл|получа)\w*"
            r"|\bзадержива\w* (?:\w+ )?(?:зарплат|заработн|выплат)\w*|\bзадержал[аи]? (?:\w+ )?(?:зарплат|заработн|выплат)\w*"
            r"|\bне плат\w+ (?:им|нам|рабочим|работникам|сотрудникам|людям)\b"
            r"|\bпогаш\w* (?:\w+ )?(?:долг|задолженност)\w*|\bдолг\w* (?:\w+ ){0,2}(?:за|по) (?:\w+ )?(?:месяц|зарплат)\w*",
            D.UNPAID_WAGES,
        ),
        (
            r"\bповышени\w+ (?:заработной плат\w*|зарплат\w*|оплаты труда|окладов)|\bиндексаци\w*"
            r"|\bприбавк\w+ к зарплат\w*|(?<!без )\bснижени\w+ (?:зарплат|заработной|оплат|тариф|ставок|расценок|выплат)\w*"
            r"|\bсниз(?:ил|ила|или|ят|ить)\w* (?:\w+ )?(?:зарплат|заработн|оплат|тариф|ставк|расценк|выплат)\w*|\bпроиндексир\w+"
            r"|\bоплат\w* сверхурочн\w+|\bоплачива\w* сверхурочн\w+"
            r"|\bповы(?:сить|шения|шение|сили)\s+(?:\w+\s+)?(?:зарплат|заработн|оплат|ставк|тариф|оклад)\w*"
            r"|\bподня\w*\s+(?:\w+\s+)?(?:зарплат|заработн|оплат|ставк|тариф|оклад)\w*"
            r"|\bсокращени\w+ (?:\w+ )?(?:зарплат|заработн|оплат|выплат|ставок|тариф|расценок)\w*|\bурез\w* (?:\w+ )?(?:зарплат|заработн|оплат|выплат|ставк|тариф)\w*",
            D.PAY,
        ),
        (
            r"\bсокращени\w+|\bзакрыти\w+ (?:шахт|завод|предприяти|больниц|школ|цех)\w*"
            r"|\bликвидаци\w+|\bприватизаци\w+|\bреорганизаци\w+|\bоптимизаци\w+|\bбез работы\b"
            r"|\b(?:не )?закрыва\w+ (?:шахт|завод|предприяти|больниц|школ|цех|депо|рудник)\w*|\bмассов\w+ увольнени\w*"
            r"|\bсохран\w+ (?:шахт|завод|предприяти|рудник|цех|депо|рабочи\w+ мест)\w*|\bсобира\w+ закрыть\b|\bнамерен\w* закрыть\b",
            D.JOBS,
        ),
        (
            r"\bуслови\w+ труда|\bтехник\w+ безопасности|\bохран\w+ труда|\bбезопасност\w+|\bвентиляци\w+"
            r"|\bсредств\w+ (?:индивидуальной )?защиты|\bнехватк\w+ (?:персонала|кадров|сотрудников|работников)"
            r"|\bпереработ\w+|\bграфик\w* работы|\bрабоч\w+ д(?:ень|ня)|\bуслови\w+ работы|\bнагрузк\w+"
            r"|\bсверхурочн\w+|\bжар[аы]\b|\bспецодежд\w*|\bрабоч\w+ недел\w*|\bнеполн\w+ рабоч\w+|\bпродолжительност\w+ (?:смен|рабоч)\w*"
            r"|\bисправн\w+ (?:автомобил|техник|оборудовани|машин)\w*|\bремонт\w* (?:оборудовани|техник|машин|автомобил)\w*",
            D.CONDITIONS,
        ),
        (
            r"\bколлективн\w+ договор\w*|\bтрудов\w+ договор\w*|\bсрочн\w+ (?:трудов\w+ )?(?:договор|контракт)\w*"
            r"|\bкадров\w+ агентств\w*|\bаутсорс\w*|\bаутстаф\w*|\bгражданско-правов\w+ договор\w*"
            r"|\bофициальн\w+ (?:трудоустройств|оформлени)\w*|\bоформ\w+ (?:\w+ )?(?:в|по) штат\w*",
            D.CONTRACT,
        ),
        (
            r"\bвосстановлени\w+ на работе|\bвосстанов\w+ на работе|\bпризнани\w+ профсоюз\w*"
            r"|\bдавлени\w+ на (?:членов )?профсоюз\w*|\bпреследовани\w+ (?:профсоюз|активист)\w*"
            r"|\bвосстанов\w+ (?:на работе )?(?:уволенн\w+ )?(?:председател|лидер|активист|член|профорг)\w*"
            r"|\bвосстанов\w+ (?:на работе )?уволенн\w+|\bпризна\w* (?:\w+ )?профсоюз\w*",
            D.UNION_RIGHTS,
        ),
        (
            r"\bпенси\w+|\bльгот(?:а|ы|у|ой|ам|ами|ах)?\b|\bнадбав\w+|\bпреми\w+|\bдоплат\w+|\bстраховк\w+|\bстраховани\w*|\bкомпенсаци\w+",
            D.BENEFITS,
        ),
        (
            r"\b(?:освобожд|освобод|отпуст)\w* (?:\w+ ){0,2}(?:задержанн|арестованн|заключенн|арестант|политзаключ)\w*",
            D.RELEASE,
        ),
        (r"\bотставк\w+", D.POLITICAL),
    ],
    "uk": [
        (
            r"\b(?:заборгован\w*|борг\w*) (?:\w+ ){0,2}?(?:з |із |по |перед )?(?:заробітн\w+ плат\w*|зарплат\w*"
            r"|працівник\w*|шахтар\w*|гірник\w*|виплат\w*|доплат\w*|премі\w*|надбав\w*)|\bзарплатн\w+ борг\w*|\bневиплат\w*"
            r"|\bзатриман\w+ (?:заробітн\w+ плат\w*|зарплат\w*|виплат\w*)|\bне (?:плат|виплачу)\w+ (?:\w+ )?(?:зарплат|заробітн)\w*"
            r"|\bборг\w* перед (?:трудов\w+ )?колектив\w*"
            r"|\bзатрим(?:к\w+|ок) (?:\w+ )?(?:заробітн\w+ плат\w*|зарплат\w*|виплат\w*)|\bне виплат\w*"
            r"|\bпогас\w* (?:борг|заборгован)\w*"
            r"|\bвиплат(?:ити|ять|или|и) (?:їм |всім |працівникам )?(?:зарплат|заробітн)\w*(?: \w+)? за\b"
            r"|\bне (?:вида|отриму|отрима|плат|виплачу|перераховую)\w* (?:\w+ )?(?:зарплат|заробітн|грош|розрахун)\w*"
            r"|\b(?:зарплат|заробітн)\w* (?:\w+ ){0,3}не (?:вида|плат|виплач|перерах|отриму)\w*"
            r"|\bпогашенн\w* (?:\w+ )?(?:борг|заборгован)\w*"
            r"|\bзатриму\w* (?:\w+ )?(?:зарплат|заробітн|виплат)\w*|\bзатрима(?:в|ла|ли) (?:\w+ )?(?:зарплат|заробітн|виплат)\w*"
            r"|\bне (?:плат|виплачу)\w+ (?:їм|нам|робітникам|працівникам|людям)\b",
            D.UNPAID_WAGES,
        ),
        (
            r"\bпідвищенн\w+ (?:заробітн\w+ плат\w*|зарплат\w*|оплати праці|окладів)|\bіндексаці\w*"
            r"|(?<!без )\bзниженн\w+ (?:зарплат|заробітн|оплат|тариф|ставок|розцінок|виплат)\w*"
            r"|\bзнизи(?:в|ла|ли|ть)\w* (?:\w+ )?(?:зарплат|заробітн|оплат|тариф|ставк|розцінк|виплат)\w*|\bпроіндексу\w+"
            r"|\bоплат\w* понаднормов\w+|\bоплачува\w* понаднормов\w+"
            r"|\bпідви(?:щити|щення|щували|щили)\s+(?:\w+\s+)?(?:зарплат|заробітн|оплат|ставк|тариф|оклад)\w*"
            r"|\bскороченн\w+ (?:\w+ )?(?:зарплат|заробітн|оплат|виплат|ставок|тариф|розцінок)\w*|\bуріз\w* (?:\w+ )?(?:зарплат|заробітн|оплат|виплат|ставк|тариф)\w*",
            D.PAY,
        ),
        (
            r"\bскороченн\w+|\bзакритт\w+ (?:шахт|завод|підприємств|лікарн|школ|цех)\w*"
            r"|\bліквідаці\w+|\bприватизаці\w+|\bреорганізаці\w+|\bоптимізаці\w+|\bбез роботи\b"
            r"|\bприєднанн\w+ (?:\w+ )?до\b"
            r"|\b(?:не )?закриват\w+ (?:шахт|завод|підприємств|лікарн|школ|цех|депо)\w*|\bмасов\w+ звільненн\w*"
            r"|\bзберег\w+ (?:шахт|завод|підприємств|рудник|цех|депо|робоч\w+ місц)\w*|\bзбира\w+ закрити\b|\bробоч\w+ місц\w*",
            D.JOBS,
        ),
        (
            r"\bумов\w* праці|\bтехнік\w+ безпеки|\bохорон\w+ праці|\bбезпек\w+|\bвентиляці\w+"
            r"|\bзасоб\w+ (?:індивідуального )?захисту|\bнестач\w+ (?:персоналу|кадрів|працівників)"
            r"|\bпереробк\w+|\bграфік\w* роботи|\bробоч\w+ д(?:ень|ня)|\bумов\w* роботи|\bнавантаженн\w+"
            r"|\bпонаднормов\w+|\bспецодяг\w*|\bробоч\w+ тижд\w*|\bневповн\w+ робоч\w+|\bтривал\w+ (?:змін|робоч)\w*"
            r"|\bсправн\w+ (?:автомобіл|техні|обладнанн|машин)\w*|\bремонт\w* (?:обладнанн|техні|машин|автомобіл)\w*",
            D.CONDITIONS,
        ),
        (
            r"\bколективн\w+ догов[оі]р\w*|\bтрудов\w+ догов[оі]р\w*|\bстроков\w+ (?:трудов\w+ )?(?:догов[оі]р|контракт)\w*"
            r"|\bкадров\w+ агенці\w*|\bаутсорс\w*|\bаутстаф\w*|\bцивільно-правов\w+ догов[оі]р\w*"
            r"|\bофіційн\w+ (?:працевлаштуванн|оформленн)\w*|\bоформ\w+ (?:\w+ )?(?:в|у|за) штат\w*",
            D.CONTRACT,
        ),
        (
            r"\bпоновленн\w+ на роботі|\bпонов\w+ на роботі|\bвизнанн\w+ профспілк\w*"
            r"|\bтиск\w* на (?:членів )?профспілк\w*|\bпереслідуванн\w+ (?:профспілк|активіст)\w*"
            r"|\bпонов\w+ (?:на роботі )?(?:звільнен\w+ )?(?:голов|лідер|активіст|член|профорг)\w*"
            r"|\bпонов\w+ (?:на роботі )?звільнен\w+|\bвизна\w* (?:\w+ )?профспілк\w*",
            D.UNION_RIGHTS,
        ),
        (
            r"\bпенсі\w+|\bпільг(?:а|и|у|ою|ам|ами|ах)?\b|\bнадбав\w+|\bпремі\w+|\bдоплат\w+|\bстрахов\w+|\bстрахуванн\w*|\bкомпенсаці\w+",
            D.BENEFITS,
        ),
        (
            r"\b(?:звільн|відпуст)\w* (?:\w+ ){0,2}(?:затриман|заарештован|ув['’]язнен|політв['’]язн)\w*",
            D.RELEASE,
        ),
        (r"\bвідставк\w+", D.POLITICAL),
    ],
}

WEAK: dict[str, list[tuple[str, Demand]]] = {
    "en": [
        (
            r"\b(?:wages|salar(?:y|ies)|(?<!to )(?<!will )(?<!would )(?<!no-)(?<!no )pay)\b|\b\d+(?:[.,]\d+)? ?(?:%|per ?cent|percent)\b",
            D.PAY,
        ),
        (r"\bjobs\b|\bdismissals\b", D.JOBS),
        (r"\bconditions\b|\bhours\b|\bshifts\b|\bstaffing\b|\bworkload\b", D.CONDITIONS),
        (r"\bcontracts?\b|\bagency (?:workers|staff|labou?r|contracts?)\b", D.CONTRACT),
        (r"\bbenefits\b", D.BENEFITS),
    ],
    "ru": [
        (
            r"\bзарплат\w*|\bзаработн\w+ плат\w*|\bтариф\w*|\bрасценк\w*|\bштраф\w*|\bоклад\w*",
            D.PAY,
        ),
        (r"\bрабочи\w+ мест\w*|\bувольнени\w+", D.JOBS),
        (r"\bсамозанят\w*", D.CONTRACT),
        (r"\bоборудовани\w+", D.CONDITIONS),
    ],
    "uk": [
        (
            r"\bзарплат\w*|\bзаробітн\w+ плат\w*|\bтариф\w*|\bрозцінк\w*|\bштраф\w*|\bоклад\w*",
            D.PAY,
        ),
        (r"\bробоч\w+ місц\w*|\bзвільненн\w+", D.JOBS),
        (r"\bсамозайнят\w*|\bФОП\b", D.CONTRACT),
        (r"\bобладнанн\w+", D.CONDITIONS),
    ],
}

# A sentence saying that something is demanded (or what caused the action).
DEMAND_CUES: dict[str, str] = {
    "en": r"\b(?:demand\w*|call\w* for|want\w*|seek\w*|sought|over|protest\w*|against|because"
    r"|due to|to secure|looking for|claim\w*|insist\w*|until|for (?:better|higher|a )|provoked"
    r"|asking|refus\w*|in a dispute|oppos\w*|fighting|unhappy|angry|anger|complain\w*|angered"
    r"|outrage\w*|frustrat\w*|reasons?|caused by|sparked|triggered|prompted|placards?|banners?|chant\w*|slogans?)\b",
    "ru": r"\b(?:(?:по)?требова\w*|(?:по)?требу\w*|из-за|против|добива\w*|пока|протест\w*|в связи с|ради"
    r"|с требованием|настаива\w*|недовол\w*|жалу\w*|возмущ\w*|возмут\w*|причин\w*|повод\w*|плакат\w*|транспарант\w*"
    r"|лозунг\w*|скандир\w*)",
    "uk": r"\b(?:вимага\w*|вимог\w*|зажада\w*|через|проти|домага\w*|поки|протест\w*|у зв['’]язку"
    r"|наполяга\w*|незадовол\w*|скарж\w*|обурен\w*|обурю\w*|причин\w*|привод\w*|плакат\w*|транспарант\w*"
    r"|гасл\w*|скандува\w*)",
}
