// The six printable documents of a case in the official layout (print.css, .print-doc): the issuing team and the
// title centred, the number, the party, the body, the signature and seal lines, the date in Chinese. They read only
// the case as the API sends it (the party's ID number as the API masks it) and the filed power item's legal basis.
// Printed in Chinese whatever the UI's language: they are the team's legal instruments.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnforcementCase, PowerItemVersion } from '../../lib/api/types';
import { chineseDate } from '../../lib/dates';
import { isDeliveryMethod } from './caseModel';
import {
  type CaseDocument,
  DOCUMENT_TITLES,
  evidenceList,
  hearingPlace,
  isNoPenalty,
  lastEvent,
  legalBasisText,
  officerLines,
  partyIdLabel,
  partyYou,
  penaltyLines,
  yuanText,
} from './caseDocuments';

export interface DocumentProps {
  c: EnforcementCase;
  /** The filed power item's version (its legal basis), when the case was filed and the catalogue answered. */
  item: PowerItemVersion | null;
}

/** Room to write by hand (ideographic spaces). */
const GAP = '\u3000\u3000';
const BLANK_DATE = `${GAP}${GAP}年${GAP}月${GAP}日`;

function Head({ c, title, number }: { c: EnforcementCase; title: string; number: ReactNode }) {
  return (
    <>
      <div className="print-doc-issuer" data-testid="doc-issuer">
        {c.team?.name}
      </div>
      <div className="print-doc-title" data-testid="doc-title">
        {title}
      </div>
      <div className="print-doc-no" data-testid="doc-number">
        {number}
      </div>
    </>
  );
}

/** A document without an official number of its own is numbered by its case. */
const caseNumber = (c: EnforcementCase) => `案件编号：${c.id}`;

/** The seal line: the team's name (盖章) over the date in Chinese. */
function Seal({ c, on }: { c: EnforcementCase; on: string | null | undefined }) {
  return (
    <div className="print-doc-seal" data-testid="doc-seal">
      <div>{c.team?.name}（印章）</div>
      <div data-testid="doc-date">{on ? chineseDate(on) : BLANK_DATE}</div>
    </div>
  );
}

/** 当事人 with the number the API gives for the caller (a person's ID number masked, a credit code in full). */
function PartyLines({ c }: { c: EnforcementCase }) {
  return (
    <>
      <p className="print-doc-to" data-testid="doc-party">
        当事人：{c.partyName ?? '（未登记）'}
      </p>
      {c.partyIdNumber ? (
        <p className="print-doc-to" data-testid="doc-party-id">
          {partyIdLabel(c)}：{c.partyIdNumber}
        </p>
      ) : null}
    </>
  );
}

function Rows({ rows }: { rows: [string, ReactNode, string?][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([label, value, testId]) => (
          <tr key={label}>
            <th>{label}</th>
            <td data-testid={testId}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An approval box: the opinion, then 签名 and the date on the right. */
function Approval({ opinion, by, on }: { opinion: string; by: string | undefined; on: string | null | undefined }) {
  return (
    <>
      {opinion}
      <span className="print-doc-sign-line">
        签名：{by ?? GAP + GAP}
        {GAP}
        {on ? chineseDate(on) : BLANK_DATE}
      </span>
    </>
  );
}

// the law's fixed sentences (行政处罚法 64, 72, and the remedies of 行政复议法 and 行政诉讼法)
const LAW = '《中华人民共和国行政处罚法》';
const HEARING_ABSENCE =
  '无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。' +
  '听证依法公开举行，涉及国家秘密、商业秘密或者个人隐私依法予以保密的除外。';
const LATE_FEE =
  `到期不缴纳罚款的，本机关将依据${LAW}第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，` +
  '加处罚款的数额不超过罚款的数额。';
const REMEDIES =
  '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' +
  '申请行政复议或者提起行政诉讼的，本决定不停止执行，法律另有规定的除外。';

const lines = (list: readonly string[]) => (list.length === 0 ? '无' : list.join('\n'));

/** The facts as the documents state them: when, where, what. */
const facts = (c: EnforcementCase) =>
  `${partyYou(c)}于${chineseDate(c.occurredOn)}在${c.place}，${c.description.replace(/[。.；;，,\s]+$/, '')}。`;

/** The legal basis cited: the decision's own, else the filed item's, else the item named. */
function basisOf(c: EnforcementCase, item: PowerItemVersion | null): string {
  const basis = c.decision?.legalBasis ?? legalBasisText(item);
  if (basis) return basis;
  return c.filing ? `职权事项“${c.filing.itemName}”所列法律` : '有关法律';
}

/** 立案审批表. */
export function FilingForm({ c, item }: DocumentProps) {
  const f = c.filing;
  if (!f) return null;
  const filed = lastEvent(c, 'file');
  const basis = legalBasisText(item);
  const source = [
    c.sourceName,
    c.referredByName ? `移送部门：${c.referredByName}` : null,
    c.reporter ? `举报人：${c.reporter}` : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <>
      <Head c={c} title={DOCUMENT_TITLES.filing} number={caseNumber(c)} />
      <Rows
        rows={[
          ['案件来源', `${source}（${chineseDate(c.receivedAt.slice(0, 10))}登记）`, 'doc-source'],
          ['当事人', c.partyName ?? '（未登记）', 'doc-party'],
          [partyIdLabel(c), c.partyIdNumber ?? '（未登记）', 'doc-party-id'],
          ['违法行为发生时间、地点', `${chineseDate(c.occurredOn)}，${c.place}`],
          ['简要案情', c.description, 'doc-facts'],
          [
            '职权事项',
            `${f.itemCode} ${f.itemName}\n行使方式：${f.exerciseModeName}` +
              (f.agreementNo ? `（${f.agreementNo}）` : ''),
            'doc-item',
          ],
          ['法律依据', basis ?? `职权事项“${f.itemName}”所列的法律规定`, 'doc-basis'],
          ['承办人员', lines(officerLines(c)), 'doc-officers'],
          [
            '承办人意见',
            <Approval
              key="proposal"
              opinion="经初步核实，当事人涉嫌违法，属于本机关管辖，符合立案条件，建议立案调查。"
              by={c.officers.map((o) => o.name).join('、')}
              on={f.filedOn}
            />,
          ],
          [
            '审批意见',
            <Approval
              key="approval"
              opinion={`同意立案。${filed?.note ? `\n${filed.note}` : ''}`}
              by={filed?.actor}
              on={f.filedOn}
            />,
            'doc-approval',
          ],
          ['办案期限', `${chineseDate(f.filedOn)}立案，应于${chineseDate(f.decisionDueOn)}前作出处理决定`],
        ]}
      />
    </>
  );
}

/** 联系地址 and 联系电话 of the team, as far as recorded. */
function Contact({ c }: { c: EnforcementCase }) {
  const parts = [
    c.team?.address ? `联系地址：${c.team.address}` : null,
    c.team?.phone ? `联系电话：${c.team.phone}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? <p data-testid="doc-contact">{parts.join(GAP)}</p> : null;
}

/** 行政处罚事先告知书 (行政处罚法 44, 45, 63, 64). */
export function NoticeDocument({ c, item }: DocumentProps) {
  const n = c.notice;
  if (!n) return null;
  const you = partyYou(c);
  const evidence = evidenceList({ evidence: c.evidence.filter((e) => e.collectedOn <= n.notifiedOn) });
  return (
    <>
      <Head c={c} title={DOCUMENT_TITLES.notice} number={caseNumber(c)} />
      <PartyLines c={c} />
      <p data-testid="doc-facts">经查，{facts(c)}</p>
      {evidence.length > 0 ? (
        <>
          <p>以上事实有下列证据证明：</p>
          <ol data-testid="doc-evidence">
            {evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ol>
        </>
      ) : null}
      <p data-testid="doc-basis">
        {you}的上述行为涉嫌违法。依据{basisOf({ ...c, decision: null }, item)}的规定，本机关拟对{you}作出如下行政处罚：
      </p>
      <ol data-testid="doc-penalty">
        {penaltyLines(n).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
      <p data-testid="doc-statement-right">
        根据{LAW}第四十四条、第四十五条的规定，{you}有权进行陈述和申辩。如需陈述、申辩，请于
        {chineseDate(n.statementDueOn)}前向本机关提出；逾期未提出的，视为放弃陈述、申辩的权利。
      </p>
      {n.hearingEligible ? (
        <p data-testid="doc-hearing-right">
          {`根据${LAW}第六十三条、第六十四条的规定，${you}有权要求举行听证。如要求听证，请在收到本告知书之日起`}
          {`五个工作日内（即${chineseDate(n.statementDueOn)}前）向本机关提出；逾期未提出的，视为放弃听证的权利。`}
        </p>
      ) : null}
      <Contact c={c} />
      <Seal c={c} on={n.notifiedOn} />
    </>
  );
}

/** 听证告知书: the hearing's date, place and presiding officer (行政处罚法 64). */
export function HearingDocument({ c }: DocumentProps) {
  const h = c.hearing;
  if (!h?.hearingOn || !h.notifiedOn) return null;
  const you = partyYou(c);
  const matter = c.filing ? `涉嫌${c.filing.itemName.replace(/^对/, '').replace(/的(行政)?处罚$/, '')}` : c.domainName;
  return (
    <>
      <Head c={c} title={DOCUMENT_TITLES.hearing} number={caseNumber(c)} />
      <PartyLines c={c} />
      <p>
        {`根据${you}于${chineseDate(h.requestedOn)}提出的听证申请，依据${LAW}第六十四条的规定，`}
        {`本机关决定就${you}${matter}一案举行听证。现将有关事项告知如下：`}
      </p>
      <p data-testid="doc-hearing-time">听证时间：{chineseDate(h.hearingOn)}</p>
      <p data-testid="doc-hearing-place">听证地点：{hearingPlace(c)}</p>
      <p data-testid="doc-presider">听证主持人：{h.presider}</p>
      <p>
        请{you}准时出席。{you}可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交授权委托书。{you}
        认为主持人与本案有直接利害关系的，有权在听证举行前申请回避。
      </p>
      <p>
        {you}
        {HEARING_ABSENCE}
      </p>
      <Contact c={c} />
      <Seal c={c} on={h.notifiedOn} />
    </>
  );
}

/** 行政处罚决定书 (当场 under 简易程序; 不予行政处罚 when no penalty is imposed). */
export function DecisionDocument({ c, item }: DocumentProps) {
  const d = c.decision;
  if (!d) return null;
  const you = partyYou(c);
  const none = isNoPenalty(d);
  const title = none
    ? '不予行政处罚决定书'
    : c.procedure === 'simple'
      ? '当场行政处罚决定书'
      : DOCUMENT_TITLES.decision;
  const evidence = evidenceList(c);
  const fine = d.fine != null && d.fine > 0 ? d.fine : null;
  const paymentDue = c.execution?.paymentDueOn;
  return (
    <>
      <Head c={c} title={title} number={<span data-testid="doc-decision-no">{d.decisionNo}</span>} />
      <PartyLines c={c} />
      <p data-testid="doc-facts">经查，{facts(c)}</p>
      {c.filing ? (
        <p>
          本机关于{chineseDate(c.filing.filedOn)}立案调查。
          {c.notice
            ? `${chineseDate(c.notice.notifiedOn)}，本机关向${you}告知了拟作出行政处罚的事实、理由、依据及${you}` +
              `依法享有的陈述、申辩${c.notice.hearingEligible ? '、要求听证' : ''}等权利。`
            : ''}
          {c.notice?.statement ? `${you}提出的陈述、申辩意见：${c.notice.statement}。本机关已予复核。` : ''}
          {c.hearing?.hearingOn && c.hearing.record
            ? `本机关于${chineseDate(c.hearing.hearingOn)}依法举行了听证。`
            : ''}
        </p>
      ) : null}
      {evidence.length > 0 ? (
        <>
          <p>以上事实有下列证据证明：</p>
          <ol data-testid="doc-evidence">
            {evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ol>
        </>
      ) : null}
      {none ? (
        <p data-testid="doc-penalty">
          依据{basisOf(c, item)}的规定，本机关决定对{you}不予行政处罚。理由：{d.noPenaltyReason ?? '（未登记）'}
        </p>
      ) : (
        <>
          <p data-testid="doc-basis">
            本机关认为，{you}的上述行为违法。依据{basisOf(c, item)}的规定，决定对{you}作出如下行政处罚：
          </p>
          <ol data-testid="doc-penalty">
            {penaltyLines(d).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ol>
        </>
      )}
      {fine != null ? (
        <p data-testid="doc-payment">
          {you}应当自收到本决定书之日起十五日内{paymentDue ? `（即${chineseDate(paymentDue)}前）` : ''}
          缴纳罚款{yuanText(fine)}。{LATE_FEE}
        </p>
      ) : null}
      <p data-testid="doc-remedies">
        {you}
        {REMEDIES}
        {none ? '' : `${you}逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。`}
      </p>
      {c.procedure === 'simple' ? <p data-testid="doc-officers">执法人员：{officerLines(c).join('、')}</p> : null}
      <Seal c={c} on={d.decidedOn} />
    </>
  );
}

/** 送达回证 of the decision: what is filled in once 送达 is recorded, cells to sign and fill in by hand until then. */
export function ServiceReceipt({ c }: DocumentProps) {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const d = c.decision;
  if (!d) return null;
  const x = c.execution;
  const served = lastEvent(c, 'deliver') ?? lastEvent(c, 'simple');
  const method = !x
    ? ''
    : isDeliveryMethod(x.deliveryMethod)
      ? zh(`enforcement.cases.deliveryMethods.${x.deliveryMethod}`)
      : x.deliveryMethod;
  const title = isNoPenalty(d) ? '不予行政处罚决定书' : DOCUMENT_TITLES.decision;
  return (
    <>
      <Head c={c} title={DOCUMENT_TITLES.service} number={caseNumber(c)} />
      <Rows
        rows={[
          ['送达文书名称及文号', `${title}（${d.decisionNo}）`, 'doc-served-document'],
          ['受送达人', c.partyName ?? '（未登记）', 'doc-party'],
          ['送达地点', ''],
          ['送达方式', method, 'doc-method'],
          ['送达时间', x ? chineseDate(x.deliveredOn) : BLANK_DATE, 'doc-served-on'],
          [
            '受送达人签名或盖章',
            <span key="recipient" className="print-doc-sign-line">
              {BLANK_DATE}
            </span>,
          ],
          [
            '送达人签名',
            <span key="server" className="print-doc-sign-line">
              {served && x ? served.actor : ''}
              {GAP}
              {BLANK_DATE}
            </span>,
            'doc-server',
          ],
          ['见证人签名', <span key="witness" className="print-doc-sign-line">{BLANK_DATE}</span>],
          ['备注', x && served?.note ? served.note : ''],
        ]}
      />
      <Seal c={c} on={x?.deliveredOn ?? d.decidedOn} />
    </>
  );
}

/** What the execution came to, as the closing form states it. */
function executionResult(c: EnforcementCase): string {
  const x = c.execution;
  const d = c.decision;
  if (!x || !d) return '（未登记执行情况）';
  const served = `决定书于${chineseDate(x.deliveredOn)}送达。`;
  if (x.paidOn) {
    const late = x.lateFee != null && x.lateFee > 0 ? `，其中加处罚款${yuanText(x.lateFee)}` : '';
    const paid = x.paidAmount != null ? `缴纳${yuanText(x.paidAmount)}${late}` : '履行完毕';
    return `${served}当事人于${chineseDate(x.paidOn)}${paid}。${x.note ?? ''}`;
  }
  if (isNoPenalty(d) || d.kinds.every((k) => ['warning', 'criticism', 'none'].includes(k.code))) {
    return `${served}送达即执行完毕。${x.note ?? ''}`;
  }
  return `${served}${x.note ?? ''}`;
}

/** 结案审批表. */
export function ClosingForm({ c }: DocumentProps) {
  if (!c.closedOn) return null;
  const closed = lastEvent(c, 'close');
  const d = c.decision;
  const decision = d
    ? `${d.decisionNo}，${chineseDate(d.decidedOn)}作出：` +
      (isNoPenalty(d) ? '不予行政处罚' : penaltyLines(d).join('；'))
    : '（未作出处罚决定）';
  return (
    <>
      <Head c={c} title={DOCUMENT_TITLES.closing} number={caseNumber(c)} />
      <Rows
        rows={[
          ['当事人', c.partyName ?? '（未登记）', 'doc-party'],
          [partyIdLabel(c), c.partyIdNumber ?? '（未登记）', 'doc-party-id'],
          ['职权事项', c.filing ? `${c.filing.itemCode} ${c.filing.itemName}` : '简易程序（当场处罚）'],
          ['立案日期', c.filing ? chineseDate(c.filing.filedOn) : '简易程序，未立案'],
          ['处罚决定', decision, 'doc-decision'],
          ['执行情况', executionResult(c), 'doc-execution'],
          ['承办人员', lines(officerLines(c)), 'doc-officers'],
          ['结案理由', closed?.note ?? '处罚决定已执行完毕，符合结案条件。', 'doc-closing-reason'],
          [
            '审批意见',
            <Approval key="approval" opinion="同意结案。" by={closed?.actor} on={c.closedOn} />,
            'doc-approval',
          ],
        ]}
      />
    </>
  );
}

/** The document's sheet. */
export function CaseDocumentBody({ doc, ...props }: DocumentProps & { doc: CaseDocument }) {
  switch (doc) {
    case 'filing':
      return <FilingForm {...props} />;
    case 'notice':
      return <NoticeDocument {...props} />;
    case 'hearing':
      return <HearingDocument {...props} />;
    case 'decision':
      return <DecisionDocument {...props} />;
    case 'service':
      return <ServiceReceipt {...props} />;
    case 'closing':
      return <ClosingForm {...props} />;
  }
}
