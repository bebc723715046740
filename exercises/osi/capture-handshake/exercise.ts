import {CaptureError, readCapture} from '../../../src/packets/index';
import type {Capture} from '../../../src/packets/types';
import {defineExercise, fail, pass, type CheckOutcome} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';
import {describeAttempt, frameMix, handshakes, tcpSegments, type Attempt} from '../../../graders/tcp';

const FILE = '/root/handshake.pcap';
const CLIENT = '10.0.0.2';
const SERVER = '10.0.0.1';

type Read = {ok: true; capture: Capture; truncated: boolean} | {ok: false; message: string};

function readFile(q: Query): Read {
  const file = q.fileBytes(FILE);
  if (!file) return {ok: false, message: `There is no ${FILE}. Save the capture with \`tcpdump -w ${FILE}\`.`};
  if (file.bytes.length === 0) {
    return {
      ok: false,
      message:
        `${FILE} is empty. tcpdump keeps packets in a buffer and writes them when it stops (or with -U as they come): ` +
        'stop it with Ctrl-C, or let -c N end it, before you check.',
    };
  }
  try {
    return {ok: true, capture: readCapture(file.bytes), truncated: file.truncated};
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    return {ok: false, message: `${FILE}: ${e.message}`};
  }
}

const between = (a: Attempt) =>
  (a.client === CLIENT && a.server === SERVER) || (a.client === SERVER && a.server === CLIENT);

function handshakeCheck(q: Query): CheckOutcome {
  const r = readFile(q);
  if (!r.ok) return fail(r.message);
  const attempts = handshakes(tcpSegments(r.capture));
  if (attempts.some((a) => between(a) && a.stage === 'complete')) return pass();
  const cut = r.truncated
    ? ` Only the first MiB of ${FILE} was read: capture less (a filter such as \`tcp port 80\`).`
    : '';
  const ours = attempts.filter(between);
  const last = ours.at(-1);
  if (last?.stage === 'syn-ack') {
    return fail(
      `The capture has ${describeAttempt(last)}'s SYN (frame ${last.frames[0]}) and the SYN-ACK (frame ${last.frames[1]}), ` +
        "but not the client's final ACK: tcpdump stopped one packet too soon. Keep it running until the connection is made (-c 3 stops after exactly three)." +
        cut,
    );
  }
  if (last?.stage === 'reset') {
    return fail(
      `The client's SYN ${describeAttempt(last)} (frame ${last.frames[0]}) was answered with a RST (frame ${last.frames[1]}): ` +
        `nothing listens on port ${last.sport} in server. Its web server listens on ${SERVER} port 80.` +
        cut,
    );
  }
  if (last?.stage === 'syn') {
    return fail(
      `The capture has a SYN ${describeAttempt(last)} (frame ${last.frames[0]}) but nothing after it: ` +
        'tcpdump stopped (-c 1?) or was filtered (a filter on the SYN flag alone) before the answer came. ' +
        'A handshake is three packets: SYN, SYN-ACK, ACK.' +
        cut,
    );
  }
  const elsewhere = attempts.find((a) => a.stage === 'complete');
  if (elsewhere) {
    return fail(
      `The capture holds a complete handshake, but ${describeAttempt(elsewhere)}, not between client (${CLIENT}) and server (${SERVER}).` +
        cut,
    );
  }
  const connect = `Start tcpdump first, then connect (\`ip netns exec client curl http://${SERVER}/\`).`;
  if (r.capture.frames.length === 0) {
    return fail(
      `${FILE} is a capture with no packets in it: tcpdump listened where the packets do not pass. ` +
        "The root namespace sees none of client's traffic; run tcpdump inside one of the two namespaces " +
        `(\`ip netns exec client tcpdump -i eth0 …\`). ${connect}`,
    );
  }
  return fail(
    `${FILE} holds ${frameMix(r.capture)}, but no TCP connection between ${CLIENT} and ${SERVER}. ${connect}${cut}`,
  );
}

export default defineExercise({
  id: 'osi/capture-handshake',
  title: 'Capture a TCP three-way handshake',
  binaryFiles: [FILE],
  hints: [
    'Two steps in two terminals: start a capture where client and server talk, then make a connection.',
    'tcpdump writes a capture file with -w; `-c 3` stops it after three packets.',
  ],
  checks: [
    {
      id: 'capture-file',
      title: '/root/handshake.pcap is a capture file',
      hints: [
        '`tcpdump -w /root/handshake.pcap` writes packets in the pcap format; `tcpdump > file` writes the lines it prints, which is text.',
        'tcpdump writes the file when it stops: press Ctrl-C in its terminal, or give it -c N.',
      ],
      run: (q) => {
        const r = readFile(q);
        return r.ok ? pass() : fail(r.message);
      },
    },
    {
      id: 'handshake',
      title: 'The capture holds a complete three-way handshake between client and server',
      dependsOn: ['capture-file'],
      hints: [
        'The cable joins eth0 in client to eth0 in server; the root namespace is not on the path, so capture in one of the two.',
        '`ip netns exec client tcpdump -i eth0 -n -c 3 -w /root/handshake.pcap tcp port 80`, then in the other terminal `ip netns exec client curl http://10.0.0.1/`.',
      ],
      run: handshakeCheck,
    },
  ],
});
