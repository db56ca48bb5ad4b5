package cn.medrecruit.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		moveToModel(session, LoginFlow.LOGIN_ERROR, "loginError", model);
		moveToModel(session, LoginFlow.LOGIN_NAME, "loginName", model);
		return "login";
	}

	private static void moveToModel(HttpSession session, String attribute, String name, Model model) {
		Object value = session.getAttribute(attribute);
		if (value != null) {
			model.addAttribute(name, value);
			session.removeAttribute(attribute);
		}
	}
}
