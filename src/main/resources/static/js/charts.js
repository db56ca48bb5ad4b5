// Draws every element with a data-chart attribute (written by fragments/charts.html) with ECharts, and redraws on
// resize so a chart fits a phone turned sideways. No inline script: the content security policy forbids it.
(function () {
  var charts = [];

  function barOption(data) {
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (one) {
        return { name: one.name, type: 'bar', data: one.values, stack: data.stacked ? 'total' : undefined,
          label: { show: data.labels.length <= 12, position: data.stacked ? 'inside' : 'top',
            formatter: function (item) { return item.value ? String(item.value) : ''; } } };
      })
    };
  }

  function funnelOption(data) {
    var one = data.series[0];
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      legend: { top: 0, type: 'scroll' },
      series: [{
        name: one.name, type: 'funnel', top: 40, bottom: 8, left: '10%', width: '80%', sort: 'descending',
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: data.labels.map(function (label, i) { return { name: label, value: one.values[i] }; })
      }]
    };
  }

  function draw(element) {
    if (element.getAttribute('data-chart-drawn') || !window.echarts) {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(data.type === 'funnel' ? funnelOption(data) : barOption(data));
    element.setAttribute('data-chart-drawn', 'true');
    charts.push(chart);
  }

  function drawAll(root) {
    (root || document).querySelectorAll('[data-chart]').forEach(draw);
  }

  var pending;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      charts.forEach(function (chart) { chart.resize(); });
    }, 150);
  });
  document.addEventListener('htmx:afterSwap', function (event) { drawAll(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(); });
  } else {
    drawAll();
  }
})();
