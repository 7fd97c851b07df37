// The online application form (no framework; the Content-Security-Policy allows only this site's files).
//  1. Shows only the chosen applicant type's fields: [data-applicant-group="person"|"organisation"].
//  2. Before submitting, finds the proof of work the server asks for: a number n such that
//     SHA-256("<challenge>:<n>") begins with data-proof-bits zero bits; it goes in the hidden "proof"
//     field. Without JavaScript the form still works: the server then waits for a person's pace instead.
(function () {
  "use strict";
  const form = document.querySelector("form[data-apply-form]");
  if (!form) return;

  // --- 1. The applicant type's fields -------------------------------------------------------------
  const groups = form.querySelectorAll("[data-applicant-group]");
  function showGroups() {
    const chosen = form.querySelector('input[name="applicant_type"]:checked');
    const kind = chosen ? (chosen.value === "natural_person" ? "person" : "organisation") : "";
    groups.forEach((group) => {
      const shown = kind !== "" && group.dataset.applicantGroup === kind;
      group.hidden = !shown;
      group.querySelectorAll("input, select, textarea").forEach((field) => {
        field.disabled = !shown;
      });
    });
    const prompt = form.querySelector("[data-applicant-prompt]");
    if (prompt) prompt.hidden = kind !== "";
  }
  form.addEventListener("change", (event) => {
    if (event.target.name === "applicant_type") showGroups();
  });
  showGroups();

  // --- 2. Proof of work ---------------------------------------------------------------------------
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const W = new Uint32Array(64);

  // SHA-256 of an ASCII string (the challenge is base64 and digits), as eight 32-bit words.
  function sha256(text) {
    const length = text.length;
    const blocks = ((length + 9 + 63) >> 6) << 4; // in 32-bit words
    const words = new Uint32Array(blocks);
    for (let i = 0; i < length; i++) words[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8);
    words[length >> 2] |= 0x80 << (24 - (length % 4) * 8);
    words[blocks - 1] = length * 8;
    let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
    let h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (let block = 0; block < blocks; block += 16) {
      for (let t = 0; t < 64; t++) {
        if (t < 16) {
          W[t] = words[block + t];
        } else {
          const a = W[t - 15], b = W[t - 2];
          const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
          const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
          W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
        }
      }
      let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (let t = 0; t < 64; t++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (h + S1 + ch + K[t] + W[t]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (S0 + maj) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    return [h0, h1, h2, h3, h4, h5, h6, h7];
  }

  function leadingZeroBits(digest) {
    let bits = 0;
    for (const word of digest) {
      if (word === 0) { bits += 32; continue; }
      return bits + Math.clz32(word);
    }
    return bits;
  }

  const challenge = form.querySelector('input[name="challenge"]');
  const proof = form.querySelector('input[name="proof"]');
  const status = form.querySelector("[data-proof-status]");
  const bits = Number(form.dataset.proofBits || 0);
  if (!challenge || !proof) return;
  let solved = bits <= 0;
  let submitWhenSolved = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  let counter = 0;
  function work() {
    const end = counter + 4000; // a slice at a time, so the page stays responsive
    for (; counter < end; counter++) {
      if (leadingZeroBits(sha256(challenge.value + ":" + counter)) >= bits) {
        proof.value = String(counter);
        solved = true;
        if (submitWhenSolved) {
          say("校验完成，正在提交……");
          form.submit();
        }
        return;
      }
    }
    setTimeout(work, 0);
  }
  if (!solved) setTimeout(work, 0);

  form.addEventListener("submit", (event) => {
    if (solved) return;
    event.preventDefault();
    submitWhenSolved = true;
    say("正在进行防自动提交校验，完成后将自动提交，请稍候……");
  });
})();
