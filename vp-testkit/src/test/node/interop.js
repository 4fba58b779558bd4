// Drives a camera with the third-party npm `onvif` client and prints one JSON object with what it
// read. Usage: node interop.js http://127.0.0.1:PORT/onvif/device_service USER PASSWORD
// Run by NpmOnvifInteropTest against vp-testkit's SimulatedCamera: the test raises a motion event
// once this script has started its second PullMessages.
'use strict';
const { Cam } = require('onvif');

const [address, username, password] = process.argv.slice(2);
if (!address) {
  console.error('usage: node interop.js DEVICE_URL USER PASSWORD');
  process.exit(2);
}
const url = new URL(address);
const out = { steps: [] };

function call(cam, name, ...args) {
  return new Promise((resolve, reject) => {
    cam[name](...args, (err, result) => {
      if (err) {
        reject(new Error(name + ': ' + err.message));
      } else {
        out.steps.push(name);
        resolve(result);
      }
    });
  });
}

function topicOf(message) {
  const t = message.topic;
  return typeof t === 'string' ? t : t && t._ !== undefined ? t._ : JSON.stringify(t);
}

function simpleItems(list) {
  const items = {};
  if (!list || !list.simpleItem) {
    return items;
  }
  const arr = Array.isArray(list.simpleItem) ? list.simpleItem : [list.simpleItem];
  for (const i of arr) {
    items[i.$.Name] = i.$.Value;
  }
  return items;
}

function messages(pulled) {
  if (!pulled || !pulled.notificationMessage) {
    return [];
  }
  const arr = Array.isArray(pulled.notificationMessage) ? pulled.notificationMessage : [pulled.notificationMessage];
  return arr.map((n) => {
    const m = n.message.message;
    return {
      topic: topicOf(n),
      operation: m.$ ? m.$.PropertyOperation : undefined,
      source: simpleItems(m.source),
      data: simpleItems(m.data),
    };
  });
}

async function main() {
  const cam = await new Promise((resolve, reject) => {
    const c = new Cam(
      { hostname: url.hostname, port: Number(url.port), path: url.pathname, username, password, timeout: 20000 },
      (err) => (err ? reject(new Error('connect: ' + err.message)) : resolve(c))
    );
  });
  out.steps.push('connect');
  const info = await call(cam, 'getDeviceInformation');
  out.deviceInformation = { manufacturer: info.manufacturer, model: info.model, serialNumber: info.serialNumber };
  const profiles = await call(cam, 'getProfiles');
  out.profiles = profiles.map((p) => p.$.token);
  const token = out.profiles[0];
  out.streamUri = (await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: token })).uri;
  out.snapshotUri = (await call(cam, 'getSnapshotUri', { profileToken: token })).uri;

  await call(cam, 'absoluteMove', { profileToken: token, x: 0.5, y: -0.25, zoom: 0 });
  const presets = await call(cam, 'getPresets', { profileToken: token });
  out.presets = Object.keys(presets);
  const first = presets[out.presets[0]];
  await call(cam, 'gotoPreset', { profileToken: token, preset: first.$.token });
  out.preset = { name: out.presets[0], token: first.$.token };

  const sub = await call(cam, 'createPullPointSubscription');
  out.subscriptionAddress = sub.subscriptionReference.address.href;
  out.initial = messages(await call(cam, 'pullMessages', { messageLimit: 20 }));
  // the test raises motion while this pull is held
  for (let i = 0; i < 5 && !out.motion; i++) {
    const got = messages(await call(cam, 'pullMessages', { messageLimit: 20 }));
    out.motion = got.find((m) => m.topic.endsWith('VideoSource/MotionAlarm') && m.operation === 'Changed');
  }
  await call(cam, 'unsubscribe');
  out.ok = true;
}

main()
  .catch((e) => {
    out.ok = false;
    out.error = e.message;
  })
  .finally(() => {
    console.log(JSON.stringify(out));
  });
