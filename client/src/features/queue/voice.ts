import i18n from '../../lib/i18n';
import type { QueueCall } from '../../lib/api/types';

/**
 * 语音叫号: reads a call out in Chinese (请 A012 号到 3 号窗口办理) with the browser's speech synthesis, whatever the
 * screen's language; silent in a browser without it.
 */
export function announceByVoice(call: Pick<QueueCall, 'display' | 'windowNumber'>): void {
  if (typeof window.speechSynthesis === 'undefined' || typeof window.SpeechSynthesisUtterance === 'undefined') return;
  const text = i18n.getFixedT('zh-CN')('queue.hall.voice', { display: call.display, number: call.windowNumber });
  const utterance = new window.SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  window.speechSynthesis.speak(utterance);
}
