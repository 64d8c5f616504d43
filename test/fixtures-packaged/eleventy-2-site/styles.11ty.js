// A JavaScript template of the CommonJS era: a class with data() and render().
module.exports = class {
  data() {
    return { permalink: "/css/site.css", eleventyExcludeFromCollections: true };
  }

  render(data) {
    return `/* ${data.metadata.title} */\nbody { font-family: sans-serif; }\n`;
  }
};
