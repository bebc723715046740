import {defineExercise} from '../../../graders/exercise';
import {outsideCheck} from '../../../graders/nodeport';
import {controllerCheck, routeCheck, wayInCheck, type IngressLab, type IngressRoute} from '../../../graders/ingress';

const EXT = '192.168.50.100';
const NODE1 = '192.168.50.11';
const POD = '10.244.1.80';

// nginx's upstream round robin alternates, but kube-proxy's rules pick at
// random: N connections through the ClusterIP all land on one Pod with
// probability 2^(1-N). With 10 that is 1 in 512.
const WEB: IngressRoute = {
  host: 'web.lab.example',
  service: 'web',
  vip: '10.96.0.20',
  port: 80,
  endpoints: [
    {pod: 'pod-a', ip: '10.244.1.2', port: 8080},
    {pod: 'pod-b', ip: '10.244.2.2', port: 8080},
  ],
  probe: 'ext-web',
};
const API: IngressRoute = {
  host: 'api.lab.example',
  service: 'api',
  vip: '10.96.0.30',
  port: 80,
  endpoints: [{pod: 'api', ip: '10.244.2.3', port: 8080}],
  probe: 'ext-api',
};

const LAB: IngressLab = {
  pod: {name: 'ingress', ip: POD, port: 80},
  node: {name: 'node1', ip: NODE1, dev: 'eth0'},
  client: {name: 'ext', ip: EXT},
  inside: 'node1-to-ingress',
  configPath: '/etc/nginx/conf.d/ingress.conf',
  routes: [WEB, API],
};

export default defineExercise({
  id: 'kubernetes/ingress',
  title: 'An ingress controller: one address, two Services by Host',
  libs: ['k8s'],
  // node1 holds the way in (DNAT, IPVS) and the Services' rules; the Pod's sockets show where nginx listens.
  deepNamespaces: ['node1', 'node2', 'ingress'],
  processes: ['nginx'],
  files: [LAB.configPath],
  probes: [
    {id: LAB.inside, kind: 'http', from: 'node1', to: POD, port: 80, host: WEB.host, count: 1},
    {id: WEB.probe, kind: 'http', from: 'ext', to: NODE1, port: 80, host: WEB.host, count: 10},
    {id: API.probe, kind: 'http', from: 'ext', to: NODE1, port: 80, host: API.host, count: 3},
  ],
  hints: [
    'Two pieces: a reverse proxy in the ingress Pod that picks a backend by the Host header, and a way for ext, which knows only the nodes, to reach that Pod.',
    'nginx picks a `server` block by `server_name`; `proxy_pass` sends the request on. Start it with `ip netns exec ingress nginx`, and publish the Pod on node1 as a hostPort does: a DNAT.',
  ],
  checks: [
    {
      id: 'ext-outside',
      title: 'ext stays outside the cluster: 192.168.50.100 with no route to the Pods',
      hints: [
        'ext plays a client on the LAN that knows nothing of Pod addresses. Start the lab again if you changed it.',
      ],
      run: (q) => outsideCheck(q, LAB.client, [POD, API.endpoints[0].ip]),
    },
    {
      id: 'controller',
      title: 'nginx runs in the ingress Pod and answers on 10.244.1.80:80',
      hints: [
        '`ip netns exec node1 curl -H "Host: web.lab.example" http://10.244.1.80/` asks the Pod directly. `ip netns exec ingress ss -tlnp` shows what listens there.',
        'Write the servers in /etc/nginx/conf.d/ingress.conf, test them with `nginx -t`, then `ip netns exec ingress nginx` (or `nginx -s reload` once it runs).',
      ],
      run: (q) => controllerCheck(q, LAB),
    },
    {
      id: 'way-in',
      title: 'ext reaches the ingress controller at 192.168.50.11:80',
      dependsOn: ['ext-outside', 'controller'],
      hints: [
        'ext can reach node1 and nothing behind it. What does node1 do today with a connection to its own port 80?',
        'A hostPort is a DNAT on the node: in node1, nat PREROUTING, TCP to 192.168.50.11 port 80 goes to 10.244.1.80:80.',
      ],
      run: (q) => wayInCheck(q, LAB),
    },
    {
      id: 'web-host',
      title: 'Host web.lab.example reaches Service web: pod-a and pod-b both answer (10 requests)',
      dependsOn: ['way-in'],
      hints: [
        '`for i in 1 2 3 4; do ip netns exec ext curl -s -H "Host: web.lab.example" http://192.168.50.11/; done` should print both names.',
        'Proxy to the ClusterIP 10.96.0.20:80 (kube-proxy picks the endpoint), or to an `upstream` block listing 10.244.1.2:8080 and 10.244.2.2:8080.',
      ],
      run: (q) => routeCheck(q, LAB, WEB),
    },
    {
      id: 'api-host',
      title: 'Host api.lab.example reaches Service api: its Pod answers "api"',
      dependsOn: ['way-in'],
      hints: [
        '`ip netns exec ext curl -s -H "Host: api.lab.example" http://192.168.50.11/` should print api.',
        'A second `server` block with `server_name api.lab.example;`, proxying to 10.96.0.30:80 or to the Pod 10.244.2.3:8080.',
      ],
      run: (q) => routeCheck(q, LAB, API),
    },
  ],
});
