import { expect } from '@esm-bundle/chai';
import { $, $$, button, cleanup, expectAccessible, mountChat, rendered, until } from './helpers.js';
import { HOSTILE, TEN_THOUSAND } from './corpus.js';

const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u{e0000}-\u{e007f}]/u;

describe('<lp-chat> and hostile text', function () {
  this.timeout(15_000);
  afterEach(cleanup);

  it('renders the hostile corpus as inert, readable text', async () => {
    let ran = false;
    const originalAlert = window.alert;
    window.alert = () => {
      ran = true;
    };
    try {
      const { chat, controller, say } = await mountChat({ width: '320px' });
      for (const { name, text } of HOSTILE) say(text, { name: name === 'RLO file name' ? 'admin\u202E\u2066 (host)' : `${name} <b>bold</b>` });
      say('see https://tea.example/menu?a=1 and javascript:alert(1)');
      say(TEN_THOUSAND);
      await until(() => controller.state.chat.length === HOSTILE.length + 1);
      await rendered(chat);
      await new Promise((resolve) => setTimeout(resolve, 100));

      // The oversized message never entered state (validation refused it), the rest did.
      expect(controller.state.dataIssues.map((e) => e.path)).to.deep.equal(['event.message.text']);

      const root = chat.shadowRoot!;
      expect(root.querySelectorAll('script, img, iframe, svg, object, embed, style, b, form[action], [onerror], [onload], [srcdoc]')).to.have.length(0);
      expect(ran, 'no payload ran').to.equal(false);

      const links = $$<HTMLAnchorElement>(chat, '.text a');
      expect(links.map((a) => a.href)).to.deep.equal(['https://tea.example/menu?a=1']);
      for (const a of links) {
        expect(a.rel).to.equal('noopener noreferrer nofollow ugc');
        expect(a.target).to.equal('_blank');
      }
      expect(root.textContent).not.to.match(CONTROLS);
      expect($$(chat, '.author').map((a) => a.textContent)).to.include('admin (host)');

      // Only links (and nothing else) inside message text; nothing wider than the chat.
      for (const text of $$(chat, '.text')) expect([...text.querySelectorAll('*')].every((el) => el.tagName === 'A')).to.equal(true);
      const list = $(chat, '.scroller')!;
      expect(list.scrollWidth).to.be.at.most(list.clientWidth + 1);
      for (const item of $$(chat, 'li.message')) expect(item.offsetHeight, item.textContent!.slice(0, 40)).to.be.below(800);

      // A message of invisible characters only is not shown at all.
      const invisible = controller.state.chat.find((m) => m.text.startsWith('\u3164'))!;
      expect($$(chat, 'li').some((li) => li.dataset['id'] === invisible.id)).to.equal(false);
    } finally {
      window.alert = originalAlert;
    }
  });

  it('cuts a long message with "Show more" and shows all of it on request', async () => {
    const { chat, say } = await mountChat();
    say('很长的消息'.repeat(400));
    await rendered(chat);
    const text = $(chat, 'li.message .text')!;
    expect(Array.from(text.textContent!)).to.have.length(301);
    button(chat, 'Show more').click();
    await rendered(chat);
    expect(Array.from($(chat, 'li.message .text')!.textContent!)).to.have.length(2000);
    expect(button(chat, 'Show less').getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(chat);
  });
});
