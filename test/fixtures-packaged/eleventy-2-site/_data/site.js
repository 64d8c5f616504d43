// A JavaScript data file of the CommonJS era: a function, called once per build.
module.exports = function () {
  return {
    lang: "en",
    buildYear: 2023,
  };
};
