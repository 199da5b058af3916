import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { FieldNumberOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { QueueBoard, QueueCall } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useQueueBoard } from './hooks';
import { callKey, callToAnnounce, latestCalls, newestCall } from './model';
import { useWaitFormat } from './QueueTags';
import { announceByVoice } from './voice';
import './queue.css';

/** How long the 请 A003 号到 2 号窗口 banner stays up. */
export const ANNOUNCE_MS = 8_000;
/** How many waiting numbers the screen lists (the count says the rest). */
const WAITING_SHOWN = 24;

/**
 * 大厅叫号屏 (/public/queue/:centreId): no session, no menu, big type for a hall screen. The latest calls with their
 * windows (the newest highlighted), the waiting numbers, how many wait and the average wait today; refreshed every
 * 3 s. A newly called number is announced with a banner and by voice, and the newest row flashes; a finished ticket
 * drops off the calls.
 */
export function HallDisplayPage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const board = useQueueBoard(centreId);
  const announce = useAnnouncement(board.data);

  if (board.isPending) {
    return (
      <div className="queue-hall" data-testid="hall-display" style={{ alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (board.isError && !board.data) {
    const notFound = isApiProblem(board.error) && (board.error.status === 404 || board.error.status === 400);
    return (
      <div style={{ padding: 48 }}>
        {notFound ? (
          <Result status="404" data-testid="not-found" title={t('queue.public.centreNotFound')} />
        ) : (
          <ProblemAlert error={board.error} />
        )}
      </div>
    );
  }
  return <Board board={board.data} stale={board.isRefetchError} announce={announce} />;
}

/** The call to announce and a counter that changes each time (so the flash starts again for a new call). */
interface Announcement {
  call: QueueCall;
  key: string;
}

function useAnnouncement(board: QueueBoard | undefined): Announcement | null {
  const seen = useRef<string | null | undefined>(undefined);
  const [current, setCurrent] = useState<Announcement | null>(null);
  useEffect(() => {
    if (!board) return;
    const call = callToAnnounce(seen.current, board.called);
    const newest = newestCall(board.called);
    seen.current = newest ? callKey(newest) : null;
    if (!call) return;
    setCurrent({ call, key: callKey(call) });
    announceByVoice(call);
  }, [board]);
  useEffect(() => {
    if (!current) return;
    const timer = window.setTimeout(() => setCurrent(null), ANNOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [current]);
  return current;
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const update = () => setOn(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return [on, toggle];
}

function Board({ board, stale, announce }: { board: QueueBoard; stale: boolean; announce: Announcement | null }) {
  const { t } = useTranslation();
  const formatWait = useWaitFormat();
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const calls = latestCalls(board.called, 6);
  const newest = calls[0];
  const windowLabel = (c: QueueCall) => t('queue.windows.numbered', { number: c.windowNumber });

  return (
    <div className="queue-hall" data-testid="hall-display" data-centre={board.centreId}>
      <header className="queue-hall-header">
        <div className="queue-hall-title" data-testid="hall-centre">
          {board.centreName}
        </div>
        <div className="queue-hall-tools">
          {stale ? <span className="queue-hall-stale">{t('queue.hall.reconnecting')}</span> : null}
          <span>{board.day}</span>
          <Link to={`/public/queue/${board.centreId}/take`}>
            <Button size="small" ghost icon={<FieldNumberOutlined />} data-testid="hall-take-link">
              {t('queue.hall.take')}
            </Button>
          </Link>
          <LanguageSwitch size="small" />
          <Button
            size="small"
            ghost
            icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={toggleFullscreen}
            data-testid="hall-fullscreen"
          >
            {fullscreen ? t('queue.hall.exitFullscreen') : t('queue.hall.fullscreen')}
          </Button>
        </div>
      </header>
      <div className="queue-hall-body">
        <section className="queue-hall-section" data-testid="hall-called">
          <div className="queue-hall-heading">{t('queue.hall.calling')}</div>
          {calls.length === 0 ? (
            <div className="queue-hall-empty" data-testid="hall-no-calls">
              {t('queue.hall.noCalls')}
            </div>
          ) : (
            calls.map((c) => {
              const isNewest = c === newest;
              const fresh = isNewest && announce?.key === callKey(c);
              return (
                <div
                  key={callKey(c)}
                  className={`queue-hall-call${isNewest ? ' is-newest' : ''}${fresh ? ' is-fresh' : ''}`}
                  data-testid="hall-call"
                  data-display={c.display}
                  data-window={c.windowNumber}
                  data-newest={isNewest ? 'true' : 'false'}
                >
                  <span className="queue-hall-number">{c.display}</span>
                  <span className="queue-hall-window">
                    {t('queue.hall.goTo', { window: windowLabel(c) })}
                    <span className="queue-hall-window-name">{c.windowName}</span>
                  </span>
                </div>
              );
            })
          )}
        </section>
        <section className="queue-hall-section">
          <div className="queue-hall-figures">
            <div className="queue-hall-figure">
              <div className="queue-hall-figure-value" data-testid="hall-waiting-count" data-value={board.waitingCount}>
                {board.waitingCount}
              </div>
              <div className="queue-hall-figure-label">{t('queue.hall.waitingCount')}</div>
            </div>
            <div className="queue-hall-figure">
              <div className="queue-hall-figure-value is-text" data-testid="hall-average-wait">
                {formatWait(board.averageWaitMinutes)}
              </div>
              <div className="queue-hall-figure-label">{t('queue.hall.averageWait')}</div>
            </div>
            <div className="queue-hall-figure">
              <div className="queue-hall-figure-value" data-testid="hall-served" data-value={board.servedToday}>
                {board.servedToday}
              </div>
              <div className="queue-hall-figure-label">{t('queue.hall.served')}</div>
            </div>
          </div>
          <div className="queue-hall-heading">{t('queue.hall.waiting')}</div>
          {board.waiting.length === 0 ? (
            <div className="queue-hall-empty">{t('queue.hall.noneWaiting')}</div>
          ) : (
            <div className="queue-hall-waiting" data-testid="hall-waiting">
              {board.waiting.slice(0, WAITING_SHOWN).map((d) => (
                <span key={d} className="queue-hall-waiting-number" data-testid="hall-waiting-number">
                  {d}
                </span>
              ))}
              {board.waitingCount > WAITING_SHOWN ? (
                <span className="queue-hall-waiting-number">{t('queue.hall.more', { count: board.waitingCount - WAITING_SHOWN })}</span>
              ) : null}
            </div>
          )}
        </section>
      </div>
      {announce ? (
        <div
          className="queue-hall-announce"
          role="status"
          aria-live="assertive"
          data-testid="hall-announce"
          data-display={announce.call.display}
          key={announce.key}
        >
          {t('queue.hall.announce', { display: announce.call.display, window: windowLabel(announce.call) })}
        </div>
      ) : null}
    </div>
  );
}
