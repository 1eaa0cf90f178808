/* 已公开的评估摘要：GET /public/api/evaluations。代码的中文名称与 shared/EvaluationCodes 一致；接口给了名称时以接口为准。 */
(function () {
  'use strict';
  var P = window.DrPublic;
  var el = P.el;
  var TYPES = { EXECUTION: '执行评估', MID_TERM: '中期评估', FINAL: '终期评估', TRIGGERED: '触发评估', RISK: '争议风险评估' };
  var GRADES = { EXCELLENT: '优秀', GOOD: '良好', FAIR: '一般', POOR: '差' };
  var OUTCOMES = { CONTINUE: '继续执行', ADJUST: '调整决策内容', MAJOR_ADJUSTMENT: '重大调整（重新履行决策程序）',
    SUSPEND: '中止执行', TERMINATE: '终止执行' };

  function $(id) {
    return document.getElementById(id);
  }

  function label(item, field, names) {
    var given = item[field + 'Label'] || item[field + 'Name'];
    if (typeof given === 'string' && given) {
      return given;
    }
    var code = item[field];
    return code ? (Object.prototype.hasOwnProperty.call(names, code) ? names[code] : String(code)) : '';
  }

  function entry(item) {
    var li = el('li', { className: 'card' });
    li.appendChild(el('h2', null, item.decisionTitle || item.decisionNumber || ''));
    if (item.decisionNumber) {
      li.appendChild(el('p', { className: 'basis' }, item.decisionNumber));
    }
    var tags = el('p', { className: 'tags' });
    var type = label(item, 'evaluationType', TYPES);
    if (type) {
      tags.appendChild(el('span', { className: 'tag' }, type));
    }
    var grade = label(item, 'grade', GRADES);
    if (grade) {
      tags.appendChild(el('span', { className: 'tag grade' }, '评估等次：' + grade));
    }
    var outcome = label(item, 'outcome', OUTCOMES);
    if (outcome) {
      tags.appendChild(el('span', { className: 'tag' }, '结论：' + outcome));
    }
    li.appendChild(tags);
    if (item.summary) {
      li.appendChild(el('p', { className: 'summary' }, item.summary));
    }
    if (item.rectification && item.rectification.text) {
      li.appendChild(el('p', { className: 'rectification' }, '整改落实情况：' + item.rectification.text));
    }
    if (item.approvedAt) {
      li.appendChild(el('p', { className: 'hint' }, '审定日期：' + P.date(item.approvedAt)));
    }
    if (item.decisionNumber) {
      var p = el('p');
      p.appendChild(el('a', { href: '/public/decisions/' + encodeURIComponent(item.decisionNumber) + '/opinions' },
        '对该决策的实施情况提意见'));
      li.appendChild(p);
    }
    return li;
  }

  function start() {
    P.request('GET', '/public/api/evaluations', undefined, function (status, body) {
      P.show($('loading'), false);
      if (status !== 200 || !Array.isArray(body)) {
        var box = $('failure');
        box.textContent = status === 404 ? '评估结果暂未开放查询。' : P.message(status, body);
        P.show(box, true);
        return;
      }
      if (!body.length) {
        P.show($('empty'), true);
        return;
      }
      var list = $('list');
      body.forEach(function (item) {
        list.appendChild(entry(item));
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
