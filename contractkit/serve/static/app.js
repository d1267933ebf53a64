// The review page: upload a draft to /v1/lint?format=review, show the text with flagged words highlighted
// beside the findings, filter by family and severity, download the annotated .docx. No external resources.
"use strict";
(function () {
  const T = {
    zh: {
      title: "合同草稿审阅", switch: "English", drop: "将合同草稿拖到此处，或", choose: "选择文件",
      severity: "严重程度", family: "规则类别", download: "下载批注版", token: "访问令牌", save: "保存",
      reading: "正在审阅…", failed: "审阅失败：", none: "未发现问题。", notDocx: "仅 .docx 草稿可下载批注版",
      summary: (n, shown) => `共 ${n} 条发现，显示 ${shown} 条`, needToken: "需要访问令牌",
      error: "错误", warning: "警告", info: "提示", downloading: "正在生成批注版…", downloaded: "已下载：",
    },
    en: {
      title: "Contract draft review", switch: "中文", drop: "Drop a contract draft here, or", choose: "Choose a file",
      severity: "Severity", family: "Rule family", download: "Download annotated copy", token: "Access token",
      save: "Save", reading: "Reviewing…", failed: "Review failed: ", none: "No findings.",
      notDocx: "Only .docx drafts have an annotated copy", summary: (n, shown) => `${n} findings, ${shown} shown`,
      needToken: "An access token is required", error: "error", warning: "warning", info: "info",
      downloading: "Writing the annotated copy…", downloaded: "Downloaded: ",
    },
  };
  const SEVERITIES = ["error", "warning", "info"];
  let lang = localStorage.getItem("ck-lang") || "zh";
  let file = null;
  let data = null;
  const hidden = { severity: new Set(), family: new Set() };
  const $ = (id) => document.getElementById(id);
  const t = (key) => T[lang][key];

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function headers() {
    const token = sessionStorage.getItem("ck-token");
    return token ? { Authorization: "Bearer " + token } : {};
  }

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.className = isError ? "error" : "";
  }

  function applyLang() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t("title") + " · contractkit";
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  }

  async function post(format) {
    const form = new FormData();
    form.append("file", file, file.name);
    const r = await fetch(`/v1/lint?format=${format}&lang=${lang}`, { method: "POST", body: form, headers: headers() });
    if (r.status === 401) { $("token-box").hidden = false; throw new Error(t("needToken")); }
    if (!r.ok) {
      let msg = r.statusText;
      try { const e = (await r.json()).error; msg = lang === "zh" ? e.message_zh || e.message : e.message; } catch (_) { /* not JSON */ }
      throw new Error(msg);
    }
    return r;
  }

  async function review(f) {
    file = f;
    setStatus(t("reading"));
    try {
      data = await (await post("review")).json();
      setStatus("");
      show();
    } catch (err) {
      setStatus(t("failed") + err.message, true);
    }
  }

  function visible(f) { return !hidden.severity.has(f.severity) && !hidden.family.has(f.family); }

  function filters(box, key, values) {
    box.querySelectorAll("label").forEach((n) => n.remove());
    values.forEach((v) => {
      const label = el("label");
      const input = el("input");
      input.type = "checkbox";
      input.checked = !hidden[key].has(v);
      input.value = v;
      input.dataset.filter = key;
      input.addEventListener("change", () => {
        if (input.checked) hidden[key].delete(v); else hidden[key].add(v);
        render();
      });
      label.append(input, " " + (key === "severity" ? t(v) : v));
      box.append(label);
    });
  }

  function show() {
    $("result").hidden = false;
    $("filename").textContent = data.file;
    const families = [...new Set(data.findings.map((f) => f.family))].sort();
    const sevs = SEVERITIES.filter((s) => data.findings.some((f) => f.severity === s));
    filters($("sev-filter"), "severity", sevs);
    filters($("fam-filter"), "family", families);
    $("download").disabled = !data.annotatable;
    $("download").title = data.annotatable ? "" : t("notDocx");
    render();
  }

  function ranges(block, found) {
    // [start, end, finding] for each visible finding of this block; the snippet is searched when no span
    const out = [];
    found.forEach((f) => {
      let span = f.span;
      if (!span && f.snippet) {
        const at = block.text.indexOf(f.snippet);
        if (at >= 0) span = [at, at + f.snippet.length];
      }
      if (span && span[1] > span[0]) out.push([span[0], Math.min(span[1], block.text.length), f]);
    });
    return out;
  }

  function paint(p, block, found) {
    const marks = ranges(block, found);
    const owner = new Array(block.text.length).fill(null);
    // overlapping findings: the narrower span wins a character (the flagged word stays visible inside a
    // flagged sentence), then the more severe one
    marks.sort((a, b) => (b[1] - b[0]) - (a[1] - a[0]) || rank(b[2]) - rank(a[2]));
    marks.forEach(([s, e, f]) => { for (let i = s; i < e; i++) owner[i] = f; });
    let i = 0;
    while (i < block.text.length) {
      let j = i;
      while (j < block.text.length && owner[j] === owner[i]) j++;
      const piece = block.text.slice(i, j);
      if (owner[i]) {
        const m = el("mark", owner[i].severity, piece);
        m.dataset.finding = owner[i].id;
        m.title = `${owner[i].rule}: ${message(owner[i])}`;
        p.append(m);
      } else {
        p.append(document.createTextNode(piece));
      }
      i = j;
    }
    if (found.length) p.classList.add("flagged");
  }

  function rank(f) { return SEVERITIES.indexOf(f.severity); }
  function message(f) { return lang === "zh" ? f.message_zh : f.message; }

  function render() {
    const shown = data.findings.map((f, id) => Object.assign(f, { id })).filter(visible);
    const byBlock = new Map();
    shown.forEach((f) => { if (!byBlock.has(f.index)) byBlock.set(f.index, []); byBlock.get(f.index).push(f); });
    const doc = $("doc");
    doc.replaceChildren();
    data.blocks.forEach((b) => {
      const p = el("p", b.kind === "heading" ? "heading" : "");
      p.id = "block-" + b.index;
      paint(p, b, byBlock.get(b.index) || []);
      doc.append(p);
    });
    const list = $("finding-list");
    list.replaceChildren();
    shown.forEach((f) => {
      const li = el("li", f.severity);
      li.dataset.rule = f.rule;
      li.dataset.severity = f.severity;
      const head = el("div");
      head.append(el("span", "sev " + f.severity, t(f.severity)), " ", el("strong", "", lang === "zh" ? f.title_zh : f.title));
      li.append(head, el("div", "rule", f.rule), el("div", "message", message(f)), el("div", "where", f.where));
      if (f.hint) li.append(el("div", "hint", f.hint));
      li.addEventListener("click", () => focus(f));
      list.append(li);
    });
    if (!shown.length) list.append(el("li", "info", t("none")));
    $("summary").textContent = t("summary")(data.findings.length, shown.length);
  }

  function focus(f) {
    document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
    const target = document.querySelector(`mark[data-finding="${f.id}"]`) || $("block-" + f.index);
    if (target) { target.classList.add("active"); target.scrollIntoView({ block: "center" }); }
  }

  async function download() {
    if (!file || !data || !data.annotatable) return;
    setStatus(t("downloading"));
    try {
      const r = await post("docx");
      const blob = await r.blob();
      const cd = r.headers.get("content-disposition") || "";
      const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
      const name = m ? decodeURIComponent(m[1]) : "annotated.docx";
      const a = $("download-link");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      setStatus(t("downloaded") + name);
    } catch (err) {
      setStatus(t("failed") + err.message, true);
    }
  }

  function init() {
    applyLang();
    const drop = $("drop");
    ["dragenter", "dragover"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add("over"); }));
    ["dragleave", "drop"].forEach((ev) => drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
    drop.addEventListener("drop", (e) => { if (e.dataTransfer.files.length) review(e.dataTransfer.files[0]); });
    $("file").addEventListener("change", (e) => { if (e.target.files.length) review(e.target.files[0]); });
    $("download").addEventListener("click", download);
    $("lang").addEventListener("click", () => {
      lang = lang === "zh" ? "en" : "zh";
      localStorage.setItem("ck-lang", lang);
      applyLang();
      if (file) review(file);
    });
    $("token-save").addEventListener("click", () => {
      sessionStorage.setItem("ck-token", $("token").value.trim());
      $("token-box").hidden = true;
      if (file) review(file);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
